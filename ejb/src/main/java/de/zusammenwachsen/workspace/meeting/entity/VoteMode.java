package de.zusammenwachsen.workspace.meeting.entity;

/** How a decision was taken: by counted votes, or by consensus (then there are no numbers). */
public enum VoteMode {
    COUNTED, CONSENSUS
}
