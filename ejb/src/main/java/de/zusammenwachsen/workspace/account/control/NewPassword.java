package de.zusammenwachsen.workspace.account.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.TokenPurpose;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * What a new password brings with it, whether it was set through a mailed link or in the profile, all in the
 * caller's transaction: the sessions of the old password end (the account's credentials epoch rises), no reset link
 * mailed before works any more, the person's personal access tokens are revoked if they ask for it, and the address's
 * failed-login counts start again. Whoever took over the account before the change is shut out by it.
 */
@Dependent
public class NewPassword {

    @PersistenceContext
    EntityManager em;

    @Inject
    LoginThrottles throttles;

    private final PasswordHasher hasher = new PasswordHasher();

    /** Sets the password (already checked against the policy); returns the account's new credentials epoch. */
    public int set(Account account, String password, boolean revokeAccessTokens, Instant now) {
        account.changePassword(hasher.hash(password.toCharArray()));
        em.createQuery("update OneTimeToken t set t.usedAt = :now where t.account = :a and t.purpose = :p and t.usedAt is null")
                .setParameter("now", now).setParameter("a", account).setParameter("p", TokenPurpose.RESET_PASSWORD)
                .executeUpdate();
        if (revokeAccessTokens) {
            em.createQuery("update AccessToken t set t.revokedAt = :now where t.account = :a and t.revokedAt is null")
                    .setParameter("now", now).setParameter("a", account).executeUpdate();
        }
        throttles.forget(account.getEmail());
        return account.getCredentialsEpoch();
    }
}
