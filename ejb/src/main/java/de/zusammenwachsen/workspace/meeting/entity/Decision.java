package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.search.control.SearchableBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.meeting.control.DecisionChanges;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A decision (Beschluss) in minutes. Group, date and approval are copied onto it so that the network's decisions
 * register is one query over this table; it enters the register when its minutes are approved ({@code approvedAt}).
 */
@Entity
@EntityListeners(DecisionChanges.class)
@Indexed(index = "decision")
@TypeBinding(binder = @TypeBinderRef(type = SearchableBinder.class,
        params = @Param(name = SearchableBinder.DEPENDS_ON, value = "wording,outcome,published,decidedOn,approvedAt")))
@Table(name = "decision")
public class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "minutes_id")
    private Minutes minutes;

    /** The same column as {@link #minutes}, readable without loading them (register queries, links). */
    @Column(name = "minutes_id", insertable = false, updatable = false)
    private Long minutesId;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String wording;

    @Enumerated(EnumType.STRING)
    @Column(name = "vote_mode", nullable = false, length = 10)
    private VoteMode voteMode;

    @Column(name = "votes_for")
    private Integer votesFor;

    @Column(name = "votes_against")
    private Integer votesAgainst;

    @Column(name = "abstentions")
    private Integer abstentions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Outcome outcome;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Decision() {
    }

    Decision(Minutes minutes, int position, DecisionTerms terms, LocalDate decidedOn, Instant at) {
        this.minutes = minutes;
        this.groupId = minutes.getGroupId();
        this.decidedOn = decidedOn;
        this.createdAt = at;
        revise(position, terms);
    }

    final void revise(int newPosition, DecisionTerms terms) {
        if (approvedAt != null) {
            throw new ConflictException("minutes.locked");
        }
        this.position = newPosition;
        this.agendaItemId = terms.agendaItemId();
        this.wording = terms.wording();
        this.voteMode = terms.voteMode();
        this.votesFor = terms.votesFor();
        this.votesAgainst = terms.votesAgainst();
        this.abstentions = terms.abstentions();
        this.outcome = terms.outcome();
        this.published = terms.published();
    }

    void approve(Instant at) {
        this.approvedAt = at;
    }

    public boolean isApproved() {
        return approvedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Minutes getMinutes() {
        return minutes;
    }

    public Long getMinutesId() {
        return minutesId != null ? minutesId : minutes.getId();
    }

    public Long getAgendaItemId() {
        return agendaItemId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public int getPosition() {
        return position;
    }

    public String getWording() {
        return wording;
    }

    public VoteMode getVoteMode() {
        return voteMode;
    }

    public Integer getVotesFor() {
        return votesFor;
    }

    public Integer getVotesAgainst() {
        return votesAgainst;
    }

    public Integer getAbstentions() {
        return abstentions;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public boolean isPublished() {
        return published;
    }

    public LocalDate getDecidedOn() {
        return decidedOn;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
