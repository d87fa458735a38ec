package de.zusammenwachsen.workspace.group.entity;

import de.zusammenwachsen.workspace.account.entity.Account;
import de.zusammenwachsen.workspace.core.ConflictException;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A request to join a group with policy REQUEST; moderators decide it once. */
@Entity
@Table(name = "join_request")
public class JoinRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private WorkingGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(length = 1000)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private RequestState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by_id")
    private Account decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private int version;

    protected JoinRequest() {
    }

    public JoinRequest(WorkingGroup group, Account account, String message) {
        this.group = group;
        this.account = account;
        this.message = message;
        this.state = RequestState.PENDING;
        this.createdAt = Instant.now();
    }

    /** Approves the request and admits the requester; a request is decided only once. */
    public Membership approve(Account moderator) {
        decide(moderator, RequestState.APPROVED);
        // Someone invited meanwhile is already in: the request is settled without a second membership.
        return group.isMember(account) ? group.membershipOf(account).orElseThrow() : group.admit(account, Role.MEMBER);
    }

    public void deny(Account moderator) {
        decide(moderator, RequestState.DENIED);
    }

    public void withdraw() {
        if (state != RequestState.PENDING) {
            throw new ConflictException("request.decided");
        }
        state = RequestState.WITHDRAWN;
    }

    private void decide(Account moderator, RequestState outcome) {
        group.requireActive();
        if (state != RequestState.PENDING) {
            throw new ConflictException("request.decided");
        }
        this.state = outcome;
        this.decidedBy = moderator;
        this.decidedAt = Instant.now();
    }

    public boolean isPending() {
        return state == RequestState.PENDING;
    }

    public Long getId() {
        return id;
    }

    public WorkingGroup getGroup() {
        return group;
    }

    public Account getAccount() {
        return account;
    }

    public String getMessage() {
        return message;
    }

    public RequestState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Account getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
