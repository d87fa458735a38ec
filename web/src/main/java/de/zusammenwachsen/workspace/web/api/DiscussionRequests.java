package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.discussion.boundary.DiscussionView;
import de.zusammenwachsen.workspace.discussion.entity.ReactionKind;
import de.zusammenwachsen.workspace.notification.entity.MailMode;

import java.util.Locale;

/**
 * What clients send to the discussion and notification resources, turned into what the boundaries take; like
 * {@link Requests}, a value that does not convert is a 400 with a message key, never a 404 or a 500.
 */
final class DiscussionRequests {

    /** The column that keeps a client key for recognising a form sent twice. */
    static final int MAX_CLIENT_KEY = 64;

    static final int BOARD_PAGE = 25;
    static final int THREAD_PAGE = 50;

    private DiscussionRequests() {
    }

    /** ALL, MINE, UNREAD, PINNED or TRASH (any case); absent: ALL. */
    static DiscussionView.Filter filter(String value) {
        if (value == null || value.isBlank()) {
            return DiscussionView.Filter.ALL;
        }
        try {
            return DiscussionView.Filter.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("rest.parameter.invalid", "filter", value);
        }
    }

    /** One of the fixed reactions (any case); anything else is refused as an unknown reaction. */
    static ReactionKind reaction(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("discussion.reaction.unknown");
        }
        try {
            return ReactionKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("discussion.reaction.unknown");
        }
    }

    /** INSTANT, DAILY or OFF (any case). */
    static MailMode mailMode(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("notification.mailMode.invalid");
        }
        try {
            return MailMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("notification.mailMode.invalid");
        }
    }

    /**
     * The key a form sends along so that sending it twice makes one post; optional, and short enough for its
     * column (a longer one would otherwise fail in the database, a server error for a client's mistake).
     */
    static String clientKey(String value) {
        if (value != null && value.strip().length() > MAX_CLIENT_KEY) {
            throw new InvalidInputException("rest.field.tooLong", "clientKey", MAX_CLIENT_KEY);
        }
        return value;
    }

    static int first(String value) {
        return Math.max(0, Requests.integer("first", value, 0));
    }

    static int size(String value, int fallback) {
        return Requests.integer("size", value, fallback);
    }
}
