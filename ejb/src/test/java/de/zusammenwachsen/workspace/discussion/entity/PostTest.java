package de.zusammenwachsen.workspace.discussion.entity;

import de.zusammenwachsen.workspace.core.ConflictException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static de.zusammenwachsen.workspace.discussion.entity.DiscussionThreadTest.AUTHOR;
import static de.zusammenwachsen.workspace.discussion.entity.DiscussionThreadTest.LATER;
import static de.zusammenwachsen.workspace.discussion.entity.DiscussionThreadTest.START;
import static de.zusammenwachsen.workspace.discussion.entity.DiscussionThreadTest.text;
import static de.zusammenwachsen.workspace.discussion.entity.DiscussionThreadTest.thread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A post's rules: its body, edits with their history, deleting as a placeholder, hiding with a reason. */
class PostTest {

    private static final Instant EVEN_LATER = Instant.parse("2026-05-05T07:15:00Z");
    private static final long MODERATOR = 3L;

    private static Post post() {
        return thread().open(text("Erster Entwurf"), null, START);
    }

    @Test
    void theBodyIsRequiredAndLimited() {
        assertEquals("discussion.body.required", assertThrows(InvalidInputException.class, () -> Post.requireBody(null)).key());
        assertEquals("discussion.body.required", assertThrows(InvalidInputException.class, () -> Post.requireBody("")).key());
        assertEquals("discussion.body.required", assertThrows(InvalidInputException.class, () -> Post.requireBody(" \n\t ")).key());
        String longest = "x".repeat(Post.MAX_BODY);
        assertSame(longest, Post.requireBody(longest));
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> Post.requireBody(longest + "x"));
        assertEquals("discussion.body.tooLong", tooLong.key());
        assertArrayEquals(new Object[]{Post.MAX_BODY}, tooLong.arguments());
    }

    @Test
    void anEditKeepsThePreviousTextAsARevisionAndCountsEdits() {
        Post post = post();
        assertEquals(0, post.getEditCount());
        assertNull(post.getEditedAt());

        PostRevision first = post.edit(text("Zweiter Entwurf"), AUTHOR, LATER);
        assertEquals("Erster Entwurf", first.getBody());
        assertEquals(START, first.getWrittenAt(), "the first text was written when the post was created");
        assertEquals(LATER, first.getReplacedAt());
        assertEquals(AUTHOR, first.getReplacedBy());
        assertEquals("Zweiter Entwurf", post.getBody());
        assertEquals("<p>Zweiter Entwurf</p>", post.getBodyHtml());
        assertEquals(1, post.getEditCount());
        assertEquals(LATER, post.getEditedAt());
        assertEquals(START, post.getCreatedAt(), "an edit does not change when the post was written");

        PostRevision second = post.edit(text("Dritter Entwurf"), AUTHOR, EVEN_LATER);
        assertEquals("Zweiter Entwurf", second.getBody());
        assertEquals(LATER, second.getWrittenAt(), "the second text was written at the first edit");
        assertEquals(2, post.getEditCount());
        assertEquals(EVEN_LATER, post.getEditedAt());
    }

    @Test
    void aRefusedEditChangesNothing() {
        Post post = post();
        assertThrows(InvalidInputException.class, () -> post.edit(text("  "), AUTHOR, LATER));
        assertThrows(InvalidInputException.class, () -> post.edit(text("x".repeat(Post.MAX_BODY + 1)), AUTHOR, LATER));
        assertEquals("Erster Entwurf", post.getBody());
        assertEquals(0, post.getEditCount());
        assertNull(post.getEditedAt());
    }

    @Test
    void reRenderingIsNoEdit() {
        Post post = post();
        post.rerender(new RenderedText("Erster Entwurf", "<p>Erster Entwurf (neu)</p>", "Erster Entwurf", 2));
        assertEquals("<p>Erster Entwurf (neu)</p>", post.getBodyHtml());
        assertEquals(2, post.getHtmlVersion());
        assertEquals(0, post.getEditCount());
        assertNull(post.getEditedAt());
    }

    @Test
    void deletingKeepsThePostAsAPlaceholder() {
        Post post = post();
        post.delete(LATER);
        assertTrue(post.isDeleted());
        assertFalse(post.isVisibleToAll());
        // the row stays with its number and text (moderators may read it); pages show a placeholder instead
        assertEquals(1, post.getNumber());
        assertEquals("Erster Entwurf", post.getBody());
        post.delete(EVEN_LATER);
        assertTrue(post.isDeleted(), "deleting twice changes nothing");
        assertEquals("discussion.post.deleted", assertThrows(ConflictException.class,
                () -> post.edit(text("Doch noch"), AUTHOR, EVEN_LATER)).key());
        assertEquals("Erster Entwurf", post.getBody());
        assertEquals(0, post.getEditCount());
    }

    @Test
    void hidingNeedsAReasonOfAtMost500Characters() {
        Post post = post();
        assertEquals("discussion.hide.reasonRequired",
                assertThrows(InvalidInputException.class, () -> post.hide(MODERATOR, null, LATER)).key());
        assertEquals("discussion.hide.reasonRequired",
                assertThrows(InvalidInputException.class, () -> post.hide(MODERATOR, " \n ", LATER)).key());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> post.hide(MODERATOR, "r".repeat(Post.MAX_REASON + 1), LATER));
        assertEquals("discussion.hide.reasonTooLong", tooLong.key());
        assertArrayEquals(new Object[]{Post.MAX_REASON}, tooLong.arguments());
        assertFalse(post.isHidden(), "refused: still visible");
        assertTrue(post.isVisibleToAll());

        // 500 after trimming is fine
        post.hide(MODERATOR, "  " + "r".repeat(Post.MAX_REASON) + "  ", LATER);
        assertTrue(post.isHidden());
        assertEquals(Post.MAX_REASON, post.getHiddenReason().length());
    }

    @Test
    void hidingAndShowingAgain() {
        Post post = post();
        post.hide(MODERATOR, "  Persönliche Daten  ", LATER);
        assertTrue(post.isHidden());
        assertFalse(post.isVisibleToAll());
        assertEquals("Persönliche Daten", post.getHiddenReason());
        assertEquals(MODERATOR, post.getHiddenBy());
        assertEquals("Erster Entwurf", post.getBody(), "hiding keeps the text for moderators");
        post.unhide();
        assertFalse(post.isHidden());
        assertTrue(post.isVisibleToAll());
        assertNull(post.getHiddenReason());
        assertNull(post.getHiddenBy());
    }

    @Test
    void authorship() {
        Post post = post();
        assertTrue(post.isAuthor(AUTHOR));
        assertFalse(post.isAuthor(MODERATOR));
        assertFalse(post.isAuthor(null));
    }
}
