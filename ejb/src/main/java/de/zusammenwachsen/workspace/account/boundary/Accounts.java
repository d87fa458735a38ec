package de.zusammenwachsen.workspace.account.boundary;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.account.control.EmailAddress;
import de.zusammenwachsen.workspace.account.control.PasswordHasher;
import de.zusammenwachsen.workspace.account.control.PasswordPolicy;
import de.zusammenwachsen.workspace.account.control.SecretTokens;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
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
import java.time.Instant;

/** Registration with e-mail confirmation, login with lock-out, password reset by mail. */
@Stateless
public class Accounts {

    /** What a login attempt came to; a result, not an exception, so that the failure count is committed. */
    public enum LoginOutcome { SUCCESS, WRONG_CREDENTIALS, LOCKED, UNCONFIRMED }

    public record LoginResult(LoginOutcome outcome, Long accountId, Language language) {
    }

    public record Me(Long id, String email, String displayName, String language, boolean administrator) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Mails mails;

    @Inject
    Caller caller;

    private final PasswordHasher hasher = new PasswordHasher();

    public Long register(String email, String displayName, String password, Language language) {
        Account account = create(email, displayName, password, language, false);
        String secret = issue(account, TokenPurpose.CONFIRM_EMAIL);
        mails.send(account.getEmail(), account.getLanguage(), "confirm", account.getDisplayName(),
                link("/account/confirm.xhtml", secret));
        return account.getId();
    }

    /**
     * Creates an active account for an address that the caller has already proven, e.g. through an invitation
     * link that was mailed to it; no confirmation mail is needed then.
     */
    public Account createConfirmed(String email, String displayName, String password, Language language) {
        return create(email, displayName, password, language, true);
    }

    /** A new account after checking address, name, password and that the address is free. */
    private Account create(String email, String displayName, String password, Language language, boolean confirmed) {
        String address = EmailAddress.require(email);
        String name = requireDisplayName(displayName);
        PasswordPolicy.check(password, address);
        if (findByEmail(address) != null) {
            throw new ConflictException("account.emailTaken");
        }
        Account account = new Account(address, name, hasher.hash(password.toCharArray()), language);
        if (confirmed) {
            account.confirm();
        }
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

    public LoginResult login(String email, String password) {
        Account account = findByEmail(Account.normaliseEmail(email));
        Instant now = Instant.now();
        if (account == null) {
            // Spend the same time as for a real account, so that response times do not reveal addresses.
            hasher.matches(String.valueOf(password).toCharArray(), hasher.dummyHash());
            return new LoginResult(LoginOutcome.WRONG_CREDENTIALS, null, null);
        }
        if (account.isLocked(now)) {
            return new LoginResult(LoginOutcome.LOCKED, null, null);
        }
        if (!hasher.matches(String.valueOf(password).toCharArray(), account.getPasswordHash())) {
            account.loginFailed(now, Settings.loginLockout());
            return new LoginResult(account.isLocked(now) ? LoginOutcome.LOCKED : LoginOutcome.WRONG_CREDENTIALS, null, null);
        }
        if (!account.isActive()) {
            return new LoginResult(LoginOutcome.UNCONFIRMED, null, null);
        }
        account.loginSucceeded();
        return new LoginResult(LoginOutcome.SUCCESS, account.getId(), account.getLanguage());
    }

    /** Sends a reset link if the address belongs to an active account; says nothing either way. */
    public void requestPasswordReset(String email) {
        Account account = findByEmail(Account.normaliseEmail(email));
        if (account != null && account.isActive()) {
            String secret = issue(account, TokenPurpose.RESET_PASSWORD);
            mails.send(account.getEmail(), account.getLanguage(), "reset", account.getDisplayName(),
                    link("/account/reset.xhtml", secret));
        }
    }

    public void resetPassword(String secret, String newPassword) {
        OneTimeToken token = usableToken(secret, TokenPurpose.RESET_PASSWORD);
        Account account = token.getAccount();
        PasswordPolicy.check(newPassword, account.getEmail());
        token.use(Instant.now());
        account.changePassword(hasher.hash(newPassword.toCharArray()));
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
