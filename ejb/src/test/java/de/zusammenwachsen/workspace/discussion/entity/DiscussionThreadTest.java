package de.zusammenwachsen.workspace.discussion.entity;

import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.group.entity.WorkingGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A thread's rules: its title, its opening post and replies, locking and the trash, and the excerpt on the board. */
class DiscussionThreadTest {

    static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    static final Instant LATER = Instant.parse("2026-05-04T09:30:00Z");
    static final long AUTHOR = 5L;
    static final long REPLIER = 6L;

    static RenderedText text(String markdown) {
        return new RenderedText(markdown, "<p>" + markdown + "</p>", markdown, 1);
    }

    static DiscussionThread thread() {
        return new DiscussionThread(new WorkingGroup("energie-halle", "Energiewende Halle", null), "Solardächer für Schulen",
                AUTHOR, START);
    }

    @Test
    void theTitleIsRequiredAndTidied() {
        assertEquals("discussion.title.required", assertThrows(InvalidInputException.class,
                () -> new DiscussionThread(null, null, AUTHOR, START)).key());
        assertEquals("discussion.title.required", assertThrows(InvalidInputException.class,
                () -> DiscussionThread.requireTitle(" \t\n ")).key());
        assertEquals("Solar für Schulen", DiscussionThread.requireTitle("  Solar \t für\nSchulen  "));
        DiscussionThread thread = thread();
        assertEquals("Solardächer für Schulen", thread.getTitle());
        assertEquals(AUTHOR, thread.getAuthorId());
        assertEquals(START, thread.getLastActivityAt());
        assertEquals(AUTHOR, thread.getLastPosterId());
        assertEquals(0, thread.getReplyCount());
    }

    @Test
    void theTitleHasAtMost200Characters() {
        assertEquals(200, DiscussionThread.requireTitle("x".repeat(200)).length());
        // what counts is the tidied title
        assertEquals(200, DiscussionThread.requireTitle("  " + "x".repeat(200) + "  ").length());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> DiscussionThread.requireTitle("x".repeat(201)));
        assertEquals("discussion.title.tooLong", tooLong.key());
        assertArrayEquals(new Object[]{DiscussionThread.MAX_TITLE}, tooLong.arguments());
    }

    @Test
    void renamingFollowsTheSameRules() {
        DiscussionThread thread = thread();
        thread.rename("  Neue   Überschrift ");
        assertEquals("Neue Überschrift", thread.getTitle());
        assertThrows(InvalidInputException.class, () -> thread.rename(""));
        assertThrows(InvalidInputException.class, () -> thread.rename("y".repeat(201)));
        assertEquals("Neue Überschrift", thread.getTitle());
    }

    @Test
    void theOpeningPostIsNumberOneByTheThreadsAuthor() {
        DiscussionThread thread = thread();
        Post opening = thread.open(text("Wer macht mit?"), " key-1 ", START);
        assertEquals(1, opening.getNumber());
        assertEquals(AUTHOR, opening.getAuthorId());
        assertSame(thread, opening.getThread());
        assertEquals("Wer macht mit?", opening.getBody());
        assertEquals("<p>Wer macht mit?</p>", opening.getBodyHtml());
        assertEquals("key-1", opening.getClientKey());
        assertEquals("Wer macht mit?", thread.getExcerpt());
        assertEquals(0, thread.getReplyCount(), "the opening post is no reply");
    }

    @Test
    void anEmptyOpeningPostIsRefused() {
        assertEquals("discussion.body.required",
                assertThrows(InvalidInputException.class, () -> thread().open(text("   "), null, START)).key());
    }

    @Test
    void aReplyCountsAndMovesTheLastActivity() {
        DiscussionThread thread = thread();
        thread.open(text("Wer macht mit?"), null, START);
        Post reply = thread.reply(2, REPLIER, text("Ich!"), null, "  ", false, LATER);
        assertEquals(2, reply.getNumber());
        assertEquals(REPLIER, reply.getAuthorId());
        assertNull(reply.getClientKey(), "a blank client key is no key");
        assertEquals(1, thread.getReplyCount());
        assertEquals(LATER, thread.getLastActivityAt());
        assertEquals(REPLIER, thread.getLastPosterId());
        assertEquals("Wer macht mit?", thread.getExcerpt(), "replies do not change the board's excerpt");
    }

    @Test
    void aLockedThreadTakesRepliesFromModeratorsOnly() {
        DiscussionThread thread = thread();
        thread.open(text("Wer macht mit?"), null, START);
        thread.lock(true);
        assertTrue(thread.isLocked());
        ConflictException locked = assertThrows(ConflictException.class,
                () -> thread.reply(2, REPLIER, text("Ich!"), null, null, false, LATER));
        assertEquals("discussion.thread.locked", locked.key());
        assertEquals(0, thread.getReplyCount());
        assertEquals(START, thread.getLastActivityAt());

        Post closing = thread.reply(2, 3L, text("Geschlossen, siehe Protokoll."), null, null, true, LATER);
        assertEquals(2, closing.getNumber());
        assertEquals(1, thread.getReplyCount());

        thread.lock(false);
        assertEquals(3, thread.reply(3, REPLIER, text("Danke"), null, null, false, LATER).getNumber());
    }

    @Test
    void aTrashedThreadTakesNoRepliesAtAllUntilRestored() {
        DiscussionThread thread = thread();
        thread.open(text("Wer macht mit?"), null, START);
        thread.trash(3L, LATER);
        assertTrue(thread.isTrashed());
        assertEquals(LATER, thread.getTrashedAt());
        assertEquals("discussion.thread.trashed", assertThrows(ConflictException.class,
                () -> thread.reply(2, REPLIER, text("Ich!"), null, null, false, LATER)).key());
        assertEquals("discussion.thread.trashed", assertThrows(ConflictException.class,
                () -> thread.reply(2, 3L, text("Ich!"), null, null, true, LATER)).key(), "not even from moderators");
        assertEquals(0, thread.getReplyCount());
        thread.restore();
        assertFalse(thread.isTrashed());
        assertNull(thread.getTrashedAt());
        assertEquals(2, thread.reply(2, REPLIER, text("Ich!"), null, null, false, LATER).getNumber());
    }

    @Test
    void aReplyNeedsABody() {
        DiscussionThread thread = thread();
        thread.open(text("Wer macht mit?"), null, START);
        assertThrows(InvalidInputException.class, () -> thread.reply(2, REPLIER, text(""), null, null, false, LATER));
        assertThrows(InvalidInputException.class, () -> thread.reply(2, REPLIER, text("x".repeat(Post.MAX_BODY + 1)), null, null,
                false, LATER));
        assertEquals(0, thread.getReplyCount(), "a refused reply is not counted");
    }

    @Test
    void pinAndMove() {
        DiscussionThread thread = thread();
        thread.pin(true);
        assertTrue(thread.isPinned());
        thread.pin(false);
        assertFalse(thread.isPinned());
        WorkingGroup other = new WorkingGroup("mobil-leipzig", "Mobilität Leipzig", null);
        thread.moveTo(other);
        assertSame(other, thread.getGroup());
    }

    @Test
    void theBoardsExcerptFollowsTheOpeningPost() {
        DiscussionThread thread = thread();
        thread.open(text("Erster Text"), null, START);
        thread.openingChanged(text("Zweiter Text"));
        assertEquals("Zweiter Text", thread.getExcerpt());
        thread.openingChanged(null);
        assertNull(thread.getExcerpt(), "deleted or hidden: no excerpt");
    }

    @Test
    void theExcerptIsCutAtAWordBoundary() {
        String words = "Bürgerenergie im Revier braucht viele Hände und einen langen Atem ".repeat(10);
        DiscussionThread thread = thread();
        thread.open(new RenderedText(words, "<p>" + words + "</p>", words, 1), null, START);
        String excerpt = thread.getExcerpt();
        assertTrue(excerpt.length() <= DiscussionThread.EXCERPT, excerpt.length() + ": " + excerpt);
        assertTrue(excerpt.endsWith("…"), excerpt);
        String kept = excerpt.substring(0, excerpt.length() - 1);
        assertTrue(words.startsWith(kept), excerpt);
        assertFalse(kept.endsWith(" "), "no space before the ellipsis: " + excerpt);
        assertEquals(' ', words.charAt(kept.length()), "cut at a word boundary: " + excerpt);
    }
}
