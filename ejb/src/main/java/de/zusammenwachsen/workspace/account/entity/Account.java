package de.zusammenwachsen.workspace.account.entity;

import de.zusammenwachsen.workspace.network.entity.Region;
import de.zusammenwachsen.workspace.notification.entity.MailMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A person's account in the network. Holds the login rules: confirmation, and the credentials epoch that ends the
 * sessions of an old password. (Failed logins are counted per address and device in {@link LoginThrottle}, not here:
 * a count on the account let anybody lock any account.)
 */
@Entity
public class Account {

    /** The credentials epoch of a new account; every new password raises it. */
    public static final int FIRST_CREDENTIALS_EPOCH = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(length = 200)
    private String organisation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "region_id")
    private Region region;

    @Column(length = 1000)
    private String competences;

    @Column(length = 2000)
    private String bio;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AccountStatus status;

    @Column(nullable = false)
    private boolean administrator;

    /** The default for notification mails; a choice per group may differ. */
    @Enumerated(EnumType.STRING)
    @Column(name = "mail_mode", nullable = false, length = 10)
    private MailMode mailMode = MailMode.INSTANT;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * Raised by every new password. A logged-in session remembers the epoch it was logged in with; a session of an
     * older epoch counts as logged out, on every node of a cluster, without a registry of sessions.
     */
    @Column(name = "credentials_epoch", nullable = false)
    private int credentialsEpoch = FIRST_CREDENTIALS_EPOCH;

    @Version
    private int version;

    protected Account() {
    }

    public Account(String email, String displayName, String passwordHash, Language language) {
        this.email = normaliseEmail(email);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.language = language == null ? Language.DE : language;
        this.status = AccountStatus.PENDING;
        this.createdAt = Instant.now();
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public void confirm() {
        if (status == AccountStatus.PENDING) {
            status = AccountStatus.ACTIVE;
        }
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public boolean isDisabled() {
        return status == AccountStatus.DISABLED;
    }

    /** A new password; the sessions logged in with the old one end (their epoch no longer matches). */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.credentialsEpoch++;
    }

    public void makeAdministrator() {
        this.administrator = true;
        confirm();
    }

    public void revokeAdministrator() {
        this.administrator = false;
    }

    public void disable() {
        this.status = AccountStatus.DISABLED;
    }

    public void enable() {
        this.status = AccountStatus.ACTIVE;
    }

    public void describe(String displayName, String organisation, Region region, String competences, String bio, Language language) {
        this.displayName = displayName;
        this.organisation = organisation;
        this.region = region;
        this.competences = competences;
        this.bio = bio;
        this.language = language == null ? Language.DE : language;
    }

    public void switchLanguage(Language language) {
        this.language = language;
    }

    public void chooseMailMode(MailMode mode) {
        this.mailMode = mode == null ? MailMode.INSTANT : mode;
    }

    public MailMode getMailMode() {
        return mailMode;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getOrganisation() {
        return organisation;
    }

    public Region getRegion() {
        return region;
    }

    public String getCompetences() {
        return competences;
    }

    public String getBio() {
        return bio;
    }

    public Language getLanguage() {
        return language;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getCredentialsEpoch() {
        return credentialsEpoch;
    }

    public int getVersion() {
        return version;
    }
}
