package de.zusammenwachsen.workspace.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A member's e-mail choice for one group, where it differs from their default. */
@Entity
@Table(name = "group_mail_mode")
public class GroupMailMode {

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MailMode mode;

    protected GroupMailMode() {
    }

    public GroupMailMode(Long accountId, Long groupId, MailMode mode) {
        this.key = new Key(accountId, groupId);
        this.mode = mode;
    }

    public void change(MailMode mode) {
        this.mode = mode;
    }

    public MailMode getMode() {
        return mode;
    }

    public Long groupId() {
        return key.groupId;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "account_id")
        private Long accountId;

        @Column(name = "group_id")
        private Long groupId;

        protected Key() {
        }

        public Key(Long accountId, Long groupId) {
            this.accountId = accountId;
            this.groupId = groupId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(groupId, k.groupId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, groupId);
        }
    }
}
