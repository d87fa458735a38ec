package de.zusammenwachsen.workspace.setup.boundary;

import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.account.boundary.AccessTokens;
import de.zusammenwachsen.workspace.account.boundary.Accounts;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.audit.boundary.AuditLog;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.NotFoundException;
import de.zusammenwachsen.workspace.core.Settings;
import de.zusammenwachsen.workspace.account.control.SecretTokens;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The first administrator. While the network has no administrator, whoever knows the setup code may create one,
 * on the page {@code /setup.xhtml} or with {@code POST /api/v1/setup}. The code is random per start, written to the
 * server log and to {@code <data dir>/setup-code.txt}, so only someone with access to the server can claim the
 * network; once an administrator exists, setup answers 404. No default password exists anywhere.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
public class Setup {

    private static final Logger LOG = Logger.getLogger(Setup.class.getName());

    public record Result(Long accountId, String token) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    AccessTokens tokens;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    private String code;

    @PostConstruct
    void announce() {
        if (!needed()) {
            return;
        }
        String configured = Settings.get("zw.setup.code", null);
        code = configured != null ? configured : SecretTokens.newSecret().substring(0, 12);
        Path file = Settings.dataDirectory().resolve("setup-code.txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, code + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warning(() -> "Could not write " + file + ": " + e.getMessage());
        }
        LOG.info(() -> "No administrator yet. Create the first one at " + Settings.baseUrl() + "/setup.xhtml with the setup code "
                + code + " (also in " + file + ")");
    }

    @Lock(LockType.READ)
    public boolean needed() {
        return em.createQuery("select count(a) from Account a where a.administrator = true", Long.class).getSingleResult() == 0;
    }

    /**
     * Creates the first administrator (active at once) and, if a token name is given, a personal access token for
     * scripts. Serialised by the singleton's write lock, so two simultaneous attempts cannot both succeed.
     */
    @Lock(LockType.WRITE)
    public Result createFirstAdministrator(String setupCode, String email, String displayName, String password,
                                           Language language, String tokenName) {
        if (!needed() || code == null) {
            throw new NotFoundException();
        }
        if (setupCode == null || !MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
                setupCode.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidInputException("setup.code.wrong");
        }
        Account admin = accounts.createConfirmed(email, displayName, password, language);
        admin.makeAdministrator();
        caller.identify(admin.getId());
        audit.record("admin.setup", null, admin.getDisplayName(), admin.getEmail());
        String token = tokenName == null || tokenName.isBlank() ? null : tokens.issue(admin, tokenName).secret();
        code = null;
        try {
            Files.deleteIfExists(Settings.dataDirectory().resolve("setup-code.txt"));
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete the used setup code file: " + e.getMessage());
        }
        return new Result(admin.getId(), token);
    }
}
