package de.zusammenwachsen.workspace.meeting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member's answer to a meeting's invitation; answering again replaces it. */
@Entity
@Table(name = "meeting_answer")
public class MeetingAnswer {

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Answer answer;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected MeetingAnswer() {
    }

    public MeetingAnswer(Long meetingId, Long accountId, Answer answer, Instant at) {
        this.key = new Key(meetingId, accountId);
        this.answer = Objects.requireNonNull(answer);
        this.answeredAt = at;
    }

    public void change(Answer newAnswer, Instant at) {
        this.answer = Objects.requireNonNull(newAnswer);
        this.answeredAt = at;
    }

    public Long getMeetingId() {
        return key.meetingId;
    }

    public Long getAccountId() {
        return key.accountId;
    }

    public Answer getAnswer() {
        return answer;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "meeting_id")
        private Long meetingId;

        @Column(name = "account_id")
        private Long accountId;

        protected Key() {
        }

        public Key(Long meetingId, Long accountId) {
            this.meetingId = meetingId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(meetingId, k.meetingId) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, accountId);
        }
    }
}
