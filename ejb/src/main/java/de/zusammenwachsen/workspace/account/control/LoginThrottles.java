package de.zusammenwachsen.workspace.account.control;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.LoginThrottle;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The failed-login counts of {@link LoginThrottle} in the database, so that they hold on every node of a cluster
 * and across restarts.
 *
 * <p>An attempt is counted in a transaction of its own, committed before the password is checked: the row lock is
 * then held for a moment, not for the key derivation's third of a second (parallel attempts would queue on it, each
 * holding a database connection), and parallel attempts cannot all pass the limit before one of them is counted.
 */
@Stateless
public class LoginThrottles {

    private static final Logger LOG = Logger.getLogger(LoginThrottles.class.getName());
    /** Counts untouched this long are swept (hourly), so that old failures stop counting and the table stays small. */
    static final Duration RETENTION = Duration.ofDays(1);
    /** Network addresses are at most 45 characters (IPv6 with IPv4 tail); anything longer is cut. */
    private static final int CLIENT_MAX = 64;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /** The key of an address as typed in: normalised, then hashed, so the table holds no addresses. */
    public static String emailHash(String email) {
        String normalised = Account.normaliseEmail(email);
        return SecretTokens.hash(normalised == null ? "" : normalised);
    }

    public static String client(String remoteAddress) {
        String client = remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress.strip();
        return client.length() > CLIENT_MAX ? client.substring(0, CLIENT_MAX) : client;
    }

    /**
     * Counts an attempt for the address from the client, before its password is checked. The first attempt of a
     * pair inserts its row; should two first attempts insert it at the same moment, the loser asks again and then
     * finds it.
     */
    public LoginThrottle.Claim claim(String emailHash, String client, Instant now, Duration lockout) {
        try {
            return self().claimOnce(emailHash, client, now, lockout);
        } catch (EJBException raced) {
            LOG.log(Level.FINE, "Login throttle row inserted concurrently; asking again", raced);
            return self().claimOnce(emailHash, client, now, lockout);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoginThrottle.Claim claimOnce(String emailHash, String client, Instant now, Duration lockout) {
        LoginThrottle throttle = em.find(LoginThrottle.class, new LoginThrottle.Key(emailHash, client),
                LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throttle = new LoginThrottle(emailHash, client, now);
            em.persist(throttle);
        }
        return throttle.claim(now, lockout);
    }

    /**
     * The password was right: the count of the address from this client starts again, and the row goes, so that
     * successful logins leave nothing behind (in the caller's transaction).
     */
    public void succeeded(String emailHash, String client) {
        em.createQuery("delete from LoginThrottle t where t.key.emailHash = :h and t.key.client = :c")
                .setParameter("h", emailHash).setParameter("c", client).executeUpdate();
    }

    /** A new password proves the address: its counts start again on every client (in the caller's transaction). */
    public void forget(String email) {
        em.createQuery("delete from LoginThrottle t where t.key.emailHash = :h")
                .setParameter("h", emailHash(email)).executeUpdate();
    }

    /** Removes counts nobody has touched for a day and whose lock has run out; every node may run it, it is idempotent. */
    @Schedule(minute = "41", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sweep() {
        Instant now = Instant.now();
        em.createQuery("delete from LoginThrottle t where t.updatedAt < :before "
                        + "and (t.lockedUntil is null or t.lockedUntil < :now)")
                .setParameter("before", now.minus(RETENTION)).setParameter("now", now).executeUpdate();
    }

    /** This bean through the container, so that {@link #claimOnce} gets its own transaction. */
    private LoginThrottles self() {
        return context.getBusinessObject(LoginThrottles.class);
    }
}
