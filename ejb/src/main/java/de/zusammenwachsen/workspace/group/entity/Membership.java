package de.zusammenwachsen.workspace.group.entity;

import de.zusammenwachsen.workspace.account.entity.Account;
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

/** A person's membership in a working group, with their role. Created and ended only through the group. */
@Entity
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private WorkingGroup group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Role role;

    @Column(nullable = false)
    private Instant since;

    @Version
    private int version;

    protected Membership() {
    }

    Membership(WorkingGroup group, Account account, Role role) {
        this.group = group;
        this.account = account;
        this.role = role;
        this.since = Instant.now();
    }

    void assign(Role role) {
        this.role = role;
    }

    public boolean isModerator() {
        return role == Role.MODERATOR;
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

    public Role getRole() {
        return role;
    }

    public Instant getSince() {
        return since;
    }
}
