package de.zusammenwachsen.workspace.account.boundary;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.account.control.EmailAddress;
import de.zusammenwachsen.workspace.account.control.LoginThrottles;
import de.zusammenwachsen.workspace.account.control.NewPassword;
import de.zusammenwachsen.workspace.account.control.PasswordHasher;
import de.zusammenwachsen.workspace.account.control.PasswordPolicy;
import de.zusammenwachsen.workspace.account.control.SecretTokens;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.account.entity.LoginThrottle;
import de.zusammenwachsen.workspace.account.entity.OneTimeToken;
import de.zusammenwachsen.workspace.account.entity.TokenPurpose;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.Flush;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import de.zusammenwachsen.workspace.notification.boundary.Mails;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Registration with e-mail confirmation, login with lock-out, password reset by mail. None of them tells a stranger
 * whether an address has an account: registration answers alike and mails the owner instead, a login with an
 * unknown address costs the same time and is counted and locked out alike.
 */
@Stateless
public class Accounts {

    /** What a login attempt came to; a result, not an exception, so that the failure count is committed. */
    public enum LoginOutcome { SUCCESS, WRONG_CREDENTIALS, LOCKED, UNCONFIRMED }

    /**
     * The outcome; on success the account, its language and the credentials epoch that the session keeps; when
     * locked, how long the client waits.
     */
    public record LoginResult(LoginOutcome outcome, Long accountId, Language language, int credentialsEpoch,
                              Duration lockout) {

        static LoginResult of(LoginOutcome outcome) {
            return new LoginResult(outcome, null, null, 0, outcome == LoginOutcome.LOCKED ? Settings.loginLockout() : null);
        }

        static LoginResult success(Account account) {
            return new LoginResult(LoginOutcome.SUCCESS, account.getId(), account.getLanguage(),
                    account.getCredentialsEpoch(), null);
        }
    }

    public record Me(Long id, String email, String displayName, String language, boolean administrator) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Mails mails;

    @Inject
    Caller caller;

    @Inject
    LoginThrottles throttles;

    @Inject
    NewPassword newPassword;

    private final PasswordHasher hasher = new PasswordHasher();

    /**
     * Registers a new address and mails the confirmation link. For an address that already has an account, the
     * answer is the same (nothing tells the visitor), the work is the same (the password is hashed all the same),
     * and the owner gets a mail saying so, with the way to a new password in case it was them.
     */
    public void register(String email, String displayName, String password, Language language) {
        String address = EmailAddress.require(email);
        String name = requireDisplayName(displayName);
        PasswordPolicy.check(password, address);
        String hash = hasher.hash(password.toCharArray());
        Account existing = findByEmail(address);
        if (existing != null) {
            if (!existing.isDisabled()) {
                mails.send(existing.getEmail(), existing.getLanguage(), "accountExists", existing.getDisplayName(),
                        Settings.baseUrl() + "/account/forgot.xhtml");
            }
            return;
        }
        Account account = new Account(address, name, hash, language);
        Flush.orConflict(em, "account.emailTaken", () -> em.persist(account));
        String secret = issue(account, TokenPurpose.CONFIRM_EMAIL);
        mails.send(account.getEmail(), account.getLanguage(), "confirm", account.getDisplayName(),
                link("/account/confirm.xhtml", secret));
    }

    /**
     * Creates an active account for an address that the caller has already proven, e.g. through an invitation
     * link that was mailed to it; no confirmation mail is needed then. Saying that the address is taken reveals
     * nothing here: only whoever reads that mailbox holds such a link.
     */
    public Account createConfirmed(String email, String displayName, String password, Language language) {
        String address = EmailAddress.require(email);
        String name = requireDisplayName(displayName);
        PasswordPolicy.check(password, address);
        if (findByEmail(address) != null) {
            throw new ConflictException("account.emailTaken");
        }
        Account account = new Account(address, name, hasher.hash(password.toCharArray()), language);
        account.confirm();
        Flush.orConflict(em, "account.emailTaken", () -> em.persist(account));
        return account;
    }

    /** Confirms the address behind a mailed link; the link works once and for three days. */
    public Long confirm(String secret) {
        OneTimeToken token = usableToken(secret, TokenPurpose.CONFIRM_EMAIL);
        token.use(Instant.now());
        token.getAccount().confirm();
        return token.getAccount().getId();
    }

    /**
     * Checks a login from {@code client} (the network address it came from). Known and unknown addresses take the
     * same path: the attempt is counted for the address and the client first (a client that failed too often waits,
     * whoever else may try), then exactly one key derivation runs, against the account's hash or a dummy one.
     */
    public LoginResult login(String email, String password, String client) {
        String emailHash = LoginThrottles.emailHash(email);
        String from = LoginThrottles.client(client);
        Instant now = Instant.now();
        LoginThrottle.Claim claim = throttles.claim(emailHash, from, now, Settings.loginLockout());
        if (claim == LoginThrottle.Claim.REFUSED) {
            return LoginResult.of(LoginOutcome.LOCKED);
        }
        Account account = findByEmail(Account.normaliseEmail(email));
        char[] typed = String.valueOf(password).toCharArray();
        boolean matches = hasher.matches(typed, account == null ? hasher.dummyHash() : account.getPasswordHash());
        if (account == null || !matches) {
            return LoginResult.of(claim == LoginThrottle.Claim.LAST ? LoginOutcome.LOCKED : LoginOutcome.WRONG_CREDENTIALS);
        }
        throttles.succeeded(emailHash, from);
        if (!account.isActive()) {
            return LoginResult.of(LoginOutcome.UNCONFIRMED);
        }
        return LoginResult.success(account);
    }

    /**
     * Sends a reset link if the address belongs to an account that is not disabled; says nothing either way. An
     * unconfirmed account gets one too: the link proves the address as the confirmation link would, and it is the way
     * out for someone who lost the confirmation mail (the mail on a second registration points them here).
     */
    public void requestPasswordReset(String email) {
        Account account = findByEmail(Account.normaliseEmail(email));
        if (account != null && !account.isDisabled()) {
            String secret = issue(account, TokenPurpose.RESET_PASSWORD);
            mails.send(account.getEmail(), account.getLanguage(), "reset", account.getDisplayName(),
                    link("/account/reset.xhtml", secret));
        }
    }

    /**
     * Sets a new password through a mailed link. Every other reset link of the person stops working with it, the
     * sessions logged in with the old password end, and on request the personal access tokens are revoked too: a
     * reset is what people do when they fear someone else knows their password.
     */
    public void resetPassword(String secret, String password, boolean revokeAccessTokens) {
        OneTimeToken token = usableToken(secret, TokenPurpose.RESET_PASSWORD);
        Account account = token.getAccount();
        if (account.isDisabled()) {
            throw new InvalidInputException("token.invalid");
        }
        PasswordPolicy.check(password, account.getEmail());
        Instant now = Instant.now();
        // The row decides: of two resets at the same moment (with this link or another one of the person's), one wins.
        int claimed = em.createQuery("update OneTimeToken t set t.usedAt = :now where t.id = :id and t.usedAt is null")
                .setParameter("now", now).setParameter("id", token.getId()).executeUpdate();
        if (claimed != 1) {
            throw new InvalidInputException("token.used");
        }
        // The link reached the address, which proves it as the confirmation link would.
        account.confirm();
        newPassword.set(account, password, revokeAccessTokens, now);
    }

    public Me me() {
        if (caller.isGuest()) {
            throw new UnauthenticatedException();
        }
        Account account = em.find(Account.class, caller.accountId());
        if (account == null) {
            throw new UnauthenticatedException();
        }
        return new Me(account.getId(), account.getEmail(), account.getDisplayName(), account.getLanguage().code(),
                account.isAdministrator());
    }

    private OneTimeToken usableToken(String secret, TokenPurpose purpose) {
        if (secret == null || secret.isBlank()) {
            throw new InvalidInputException("token.invalid");
        }
        OneTimeToken token = em.createQuery("select t from OneTimeToken t where t.tokenHash = :hash and t.purpose = :purpose",
                        OneTimeToken.class)
                .setParameter("hash", SecretTokens.hash(secret)).setParameter("purpose", purpose)
                .getResultStream().findFirst().orElseThrow(() -> new InvalidInputException("token.invalid"));
        if (!token.isUsable(Instant.now())) {
            throw new InvalidInputException(token.getUsedAt() != null ? "token.used" : "token.expired");
        }
        return token;
    }

    private String issue(Account account, TokenPurpose purpose) {
        String secret = SecretTokens.newSecret();
        em.persist(new OneTimeToken(account, purpose, SecretTokens.hash(secret), Instant.now()));
        return secret;
    }

    private Account findByEmail(String email) {
        return em.createQuery("select a from Account a where a.email = :email", Account.class)
                .setParameter("email", email).getResultStream().findFirst().orElse(null);
    }

    private static String link(String path, String secret) {
        return Settings.baseUrl() + path + "?token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    public static String requireDisplayName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidInputException("account.displayName.invalid", 100);
        }
        return name;
    }
}
