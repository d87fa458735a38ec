package de.zusammenwachsen.workspace.discussion.entity;

/** The small fixed set of reactions; each has a symbol and a name in the bundles ({@code reaction.<name>}). */
public enum ReactionKind {
    LIKE("\uD83D\uDC4D"),
    THANKS("\uD83D\uDE4F"),
    AGREE("\u2705"),
    IDEA("\uD83D\uDCA1"),
    CELEBRATE("\uD83C\uDF89");

    private final String symbol;

    ReactionKind(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public String key() {
        return "reaction." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
