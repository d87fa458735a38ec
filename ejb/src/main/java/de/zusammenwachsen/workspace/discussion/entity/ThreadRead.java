package de.zusammenwachsen.workspace.discussion.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** How far a reader has read a thread: everything with activity after {@code readAt} is new to them. */
@Entity
@Table(name = "thread_read")
public class ThreadRead {

    @EmbeddedId
    private Key key;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected ThreadRead() {
    }

    public ThreadRead(Long accountId, Long threadId, Instant readAt) {
        this.key = new Key(accountId, threadId);
        this.readAt = readAt;
    }

    /** Moves forward only: opening an old page of the thread does not mark newer posts unread again. */
    public void readUntil(Instant at) {
        if (at.isAfter(readAt)) {
            readAt = at;
        }
    }

    public Instant getReadAt() {
        return readAt;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "account_id")
        private Long accountId;

        @Column(name = "thread_id")
        private Long threadId;

        protected Key() {
        }

        public Key(Long accountId, Long threadId) {
            this.accountId = accountId;
            this.threadId = threadId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(threadId, k.threadId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, threadId);
        }
    }
}
