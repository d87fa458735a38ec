package de.zusammenwachsen.workspace.web.discussion;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The small texts of the discussion pages: quotes as Markdown, names inside Markdown, ids from parameters. */
class DiscussionPagesTest {

    @Test
    void aQuoteMarksEveryLineAndLeavesRoomForTheAnswer() {
        assertEquals("> Anna schrieb:\n>\n> Treffen am Dienstag\n>\n> > älteres Zitat\n\n",
                ThreadPage.quoteMarkdown("Anna schrieb:", "Treffen am Dienstag\n\n> älteres Zitat\n"));
    }

    @Test
    void namesLoseTheirMarkdownMeaning() {
        assertEquals("Anna Arnold", ThreadPage.escapeMarkdown("Anna Arnold"));
        assertEquals("\\*\\*Eve\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\@\\[Bob\\]",
                ThreadPage.escapeMarkdown("**Eve** [x](javascript:alert(1)) @[Bob]"));
        assertEquals("", ThreadPage.escapeMarkdown(null));
    }

    @Test
    void idsComeOnlyFromNumbers() {
        assertEquals(12L, Pages.longParam(" 12 "));
        assertNull(Pages.longParam("12a"));
        assertNull(Pages.longParam(null));
    }
}
