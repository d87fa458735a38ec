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

import java.time.Duration;
import java.time.Instant;

/** A person's account in the network. Holds the login rules: confirmation, lock-out after failed logins. */
@Entity
public class Account {

    /** Failed logins in a row after which the account is locked for a while. */
    public static final int MAX_FAILED_LOGINS = 5;

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

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

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

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed login; the fifth in a row locks the account for {@code lockout}. */
    public void loginFailed(Instant now, Duration lockout) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(lockout);
            failedLogins = 0;
        }
    }

    public void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
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

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public int getVersion() {
        return version;
    }
}
