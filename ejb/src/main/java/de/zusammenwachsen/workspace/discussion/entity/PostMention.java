package de.zusammenwachsen.workspace.discussion.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A member mentioned in a post; kept so that an edit notifies only those newly mentioned. */
@Entity
@Table(name = "post_mention")
public class PostMention {

    @EmbeddedId
    private Key key;

    protected PostMention() {
    }

    public PostMention(Long postId, Long accountId) {
        this.key = new Key(postId, accountId);
    }

    public Long accountId() {
        return key.accountId;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "post_id")
        private Long postId;

        @Column(name = "account_id")
        private Long accountId;

        protected Key() {
        }

        public Key(Long postId, Long accountId) {
            this.postId = postId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(postId, k.postId) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(postId, accountId);
        }
    }
}
