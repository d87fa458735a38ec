package de.zusammenwachsen.workspace.account.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.account.control.SecretTokens;
import de.zusammenwachsen.workspace.account.entity.AccessToken;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Personal access tokens for the REST API: named, shown once, stored as a hash, revocable. A token acts with
 * exactly the rights of its owner; the access policy does not know the difference.
 */
@Stateless
public class AccessTokens {

    /** Marks our tokens, so that secret scanners and people can recognise them. */
    public static final String PREFIX = "zw_";
    public static final int MAX_PER_ACCOUNT = 20;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(5);

    public record TokenInfo(Long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** The only moment the secret exists outside the client. */
    public record NewToken(Long id, String name, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    private final AccessPolicy policy = new AccessPolicy();

    public NewToken create(String name) {
        policy.requireAccount(caller.viewer());
        return issue(em.find(Account.class, caller.accountId()), name);
    }

    /** Issues a token for an account that the caller already established (first-administrator setup). */
    public NewToken issue(Account account, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new InvalidInputException("token.name.invalid", 100);
        }
        long active = em.createQuery("select count(t) from AccessToken t where t.account = :a and t.revokedAt is null", Long.class)
                .setParameter("a", account).getSingleResult();
        if (active >= MAX_PER_ACCOUNT) {
            throw new ConflictException("token.tooMany", MAX_PER_ACCOUNT);
        }
        String secret = PREFIX + SecretTokens.newSecret();
        AccessToken token = new AccessToken(account, clean, SecretTokens.hash(secret), secret.substring(0, 10), Instant.now());
        em.persist(token);
        em.flush();
        return new NewToken(token.getId(), clean, secret);
    }

    public List<TokenInfo> mine() {
        policy.requireAccount(caller.viewer());
        return em.createQuery("select new " + TokenInfo.class.getName()
                        + "(t.id, t.name, t.prefix, t.createdAt, t.lastUsedAt, t.revokedAt) from AccessToken t "
                        + "where t.account.id = :a order by t.revokedAt nulls first, t.createdAt desc", TokenInfo.class)
                .setParameter("a", caller.accountId()).getResultList();
    }

    /** Revokes one of one's own tokens; someone else's token answers 404 like a missing one. */
    public void revoke(Long id) {
        policy.requireAccount(caller.viewer());
        AccessToken token = id == null ? null : em.find(AccessToken.class, id);
        if (token == null || !token.getAccount().getId().equals(caller.accountId())) {
            throw new NotFoundException();
        }
        token.revoke(Instant.now());
    }

    /**
     * The account a bearer secret belongs to, or null if it is unknown or revoked. Records the last use only every
     * few minutes, so that a busy script does not turn every read into a write.
     */
    public Long authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return null;
        }
        AccessToken token = em.createQuery("select t from AccessToken t join fetch t.account where t.tokenHash = :h", AccessToken.class)
                .setParameter("h", SecretTokens.hash(secret)).getResultStream().findFirst().orElse(null);
        if (token == null || token.isRevoked() || !token.getAccount().isActive()) {
            return null;
        }
        Instant now = Instant.now();
        if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            token.used(now);
        }
        return token.getAccount().getId();
    }
}
