package de.zusammenwachsen.workspace.group.entity;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.ForbiddenException;
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

/**
 * An invitation to a group sent by e-mail, to a member or to someone without an account yet. The link carries
 * a single-use secret whose hash is stored here; it expires after {@link #VALIDITY}.
 */
@Entity
public class Invitation {

    public static final Duration VALIDITY = Duration.ofDays(14);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private WorkingGroup group;

    @Column(nullable = false, length = 254)
    private String email;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invited_by_id")
    private Account invitedBy;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RequestState state;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "accepted_by_id")
    private Account acceptedBy;

    @Version
    private int version;

    protected Invitation() {
    }

    public Invitation(WorkingGroup group, String email, Account invitedBy, String tokenHash, Instant now) {
        this.group = group;
        this.email = Account.normaliseEmail(email);
        this.invitedBy = invitedBy;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
        this.state = RequestState.PENDING;
    }

    public boolean isUsable(Instant now) {
        return state == RequestState.PENDING && expiresAt.isAfter(now) && !group.isArchived();
    }

    /** Whether the invitation went to this account's address (both normalised). */
    public boolean isFor(Account account) {
        return account != null && email.equals(Account.normaliseEmail(account.getEmail()));
    }

    /**
     * Accepts the invitation for {@code account}, once. Only the account of the invited address may: a link
     * forwarded, or seen by someone else, must not let another account into a hidden group. Someone without an
     * account registers through the link with the invited address, so that account is the invited one.
     */
    public Membership accept(Account account, Instant now) {
        if (!isFor(account)) {
            throw new ForbiddenException("invitation.otherAddress");
        }
        if (!isUsable(now)) {
            throw new ConflictException("invitation.unusable");
        }
        this.state = RequestState.ACCEPTED;
        this.acceptedBy = account;
        return group.isMember(account) ? group.membershipOf(account).orElseThrow() : group.admit(account, Role.MEMBER);
    }

    public void revoke() {
        if (state == RequestState.PENDING) {
            state = RequestState.REVOKED;
        }
    }

    public Long getId() {
        return id;
    }

    public WorkingGroup getGroup() {
        return group;
    }

    public String getEmail() {
        return email;
    }

    public Account getInvitedBy() {
        return invitedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public RequestState getState() {
        return state;
    }
}
