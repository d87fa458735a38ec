package de.zusammenwachsen.workspace.account.boundary;

import de.zusammenwachsen.workspace.access.control.AccessPolicy;
import de.zusammenwachsen.workspace.access.control.Caller;
import de.zusammenwachsen.workspace.account.control.NewPassword;
import de.zusammenwachsen.workspace.account.control.PasswordHasher;
import de.zusammenwachsen.workspace.account.control.PasswordPolicy;
import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.account.entity.Language;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.UnauthenticatedException;
import de.zusammenwachsen.workspace.network.entity.Region;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/** A person's own profile: how others see them in the network, and their language. */
@Stateless
public class Profiles {

    public static final int ORGANISATION_MAX = 200;
    public static final int COMPETENCES_MAX = 1000;
    public static final int BIO_MAX = 2000;

    public record Profile(Long id, String email, String displayName, String organisation, String region,
                          String competences, String bio, Language language, boolean administrator, int version) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    NewPassword newPassword;

    private final AccessPolicy policy = new AccessPolicy();
    private final PasswordHasher hasher = new PasswordHasher();

    public Profile mine() {
        return view(me());
    }

    public Profile update(int expectedVersion, String displayName, String organisation, String regionSlug,
                          String competences, String bio, Language language) {
        Account account = me();
        if (account.getVersion() != expectedVersion) {
            throw new ConflictException("error.changedMeanwhile");
        }
        Region region = null;
        if (regionSlug != null && !regionSlug.isBlank()) {
            region = em.createQuery("select r from Region r where r.slug = :s", Region.class).setParameter("s", regionSlug)
                    .getResultStream().findFirst().orElseThrow(() -> new InvalidInputException("group.region.unknown", regionSlug));
        }
        account.describe(Accounts.requireDisplayName(displayName),
                optional(organisation, ORGANISATION_MAX, "profile.organisation.tooLong"), region,
                optional(competences, COMPETENCES_MAX, "profile.competences.tooLong"),
                optional(bio, BIO_MAX, "profile.bio.tooLong"), language);
        em.flush();
        return view(account);
    }

    /**
     * Changes the own password. As after a reset, the person's other sessions end, reset links mailed before stop
     * working, and on request the personal access tokens are revoked. Returns the new credentials epoch, which the
     * session that made the change keeps so that it stays logged in.
     */
    public int changePassword(String current, String password, boolean revokeAccessTokens) {
        Account account = me();
        if (current == null || !hasher.matches(current.toCharArray(), account.getPasswordHash())) {
            throw new InvalidInputException("profile.password.wrong");
        }
        PasswordPolicy.check(password, account.getEmail());
        return newPassword.set(account, password, revokeAccessTokens, Instant.now());
    }

    private Account me() {
        policy.requireAccount(caller.viewer());
        Account account = em.find(Account.class, caller.accountId());
        if (account == null) {
            throw new UnauthenticatedException();
        }
        return account;
    }

    private static String optional(String text, int max, String key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > max) {
            throw new InvalidInputException(key, max);
        }
        return clean;
    }

    private static Profile view(Account a) {
        return new Profile(a.getId(), a.getEmail(), a.getDisplayName(), a.getOrganisation(),
                a.getRegion() == null ? null : a.getRegion().getSlug(), a.getCompetences(), a.getBio(), a.getLanguage(),
                a.isAdministrator(), a.getVersion());
    }
}
