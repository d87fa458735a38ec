package de.zusammenwachsen.workspace.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Following a group's board (new threads) or one thread (replies). Unfollowing keeps the row inactive, so that
 * the automatic following of threads one replies to does not undo an explicit choice. The token is the secret of
 * the unfollow link in e-mails, which works without logging in.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "thread_id")
    private Long threadId;

    private boolean active;

    @Column(nullable = false, length = 64, unique = true)
    private String token;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Subscription() {
    }

    private Subscription(Long accountId, Long groupId, Long threadId, String token, Instant at) {
        this.accountId = accountId;
        this.groupId = groupId;
        this.threadId = threadId;
        this.token = token;
        this.createdAt = at;
        this.active = true;
    }

    public static Subscription toGroup(Long accountId, Long groupId, String token, Instant at) {
        return new Subscription(accountId, groupId, null, token, at);
    }

    public static Subscription toThread(Long accountId, Long threadId, String token, Instant at) {
        return new Subscription(accountId, null, threadId, token, at);
    }

    public void follow() {
        active = true;
    }

    public void unfollow() {
        active = false;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getThreadId() {
        return threadId;
    }

    public boolean isActive() {
        return active;
    }

    public String getToken() {
        return token;
    }
}
