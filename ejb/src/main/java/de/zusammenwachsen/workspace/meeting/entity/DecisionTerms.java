package de.zusammenwachsen.workspace.meeting.entity;

import de.zusammenwachsen.workspace.core.InvalidInputException;

/**
 * A decision as the minute-taker wrote it; {@code id} is null for a new one. The rules of a vote are checked here,
 * so that neither the page nor the API can store a consensus with numbers or a negative count.
 */
public record DecisionTerms(Long id, Long agendaItemId, String wording, VoteMode voteMode, Integer votesFor,
                            Integer votesAgainst, Integer abstentions, Outcome outcome, boolean published) {

    public static final int MAX_WORDING = 10_000;
    public static final int MAX_VOTES = 100_000;

    public DecisionTerms {
        wording = Minutes.cleanText(wording);
        if (wording.isBlank()) {
            throw new InvalidInputException("minutes.decision.wordingRequired");
        }
        if (wording.length() > MAX_WORDING) {
            throw new InvalidInputException("minutes.decision.wordingTooLong", MAX_WORDING);
        }
        if (voteMode == null) {
            throw new InvalidInputException("minutes.decision.voteModeRequired");
        }
        if (outcome == null) {
            throw new InvalidInputException("minutes.decision.outcomeRequired");
        }
        if (voteMode == VoteMode.CONSENSUS) {
            if (votesFor != null || votesAgainst != null || abstentions != null) {
                throw new InvalidInputException("minutes.decision.noVotesForConsensus");
            }
        } else {
            votesFor = count(votesFor);
            votesAgainst = count(votesAgainst);
            abstentions = count(abstentions);
        }
    }

    private static Integer count(Integer votes) {
        // An empty field in a counted vote means nobody, not "unknown".
        int value = votes == null ? 0 : votes;
        if (value < 0 || value > MAX_VOTES) {
            throw new InvalidInputException("minutes.decision.votesInvalid");
        }
        return value;
    }
}
