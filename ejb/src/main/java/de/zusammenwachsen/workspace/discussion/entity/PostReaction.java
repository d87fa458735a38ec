package de.zusammenwachsen.workspace.discussion.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One member's reaction of one kind to a post; reacting again with the same kind takes it back. */
@Entity
@Table(name = "post_reaction")
public class PostReaction {

    @EmbeddedId
    private Key key;

    protected PostReaction() {
    }

    public PostReaction(Long postId, Long accountId, ReactionKind kind) {
        this.key = new Key(postId, accountId, kind);
    }

    public Key getKey() {
        return key;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "post_id")
        private Long postId;

        @Column(name = "account_id")
        private Long accountId;

        @Enumerated(EnumType.STRING)
        @Column(name = "kind", length = 20)
        private ReactionKind kind;

        protected Key() {
        }

        public Key(Long postId, Long accountId, ReactionKind kind) {
            this.postId = postId;
            this.accountId = accountId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(postId, k.postId) && Objects.equals(accountId, k.accountId)
                    && kind == k.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(postId, accountId, kind);
        }
    }
}
