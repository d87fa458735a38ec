package de.zusammenwachsen.workspace.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTest {

    @Test
    void theFiveCharactersThatCouldStartMarkupAreEscapedAndTheRestIsKept() {
        assertEquals("&lt;a href=&quot;x?a=1&amp;b=2&quot; title=&#39;Grüße&#39;&gt;Straße&lt;/a&gt;",
                Html.escape("<a href=\"x?a=1&b=2\" title='Grüße'>Straße</a>"));
        assertEquals("ohne Zeichen", Html.escape("ohne Zeichen"));
        assertEquals("&amp;&amp;", Html.escape("&&"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void aRangeIsEscapedAndAppended() {
        StringBuilder out = new StringBuilder("vorher ");
        Html.escape("x<b>&y", 1, 5, out);
        assertEquals("vorher &lt;b&gt;&amp;", out.toString());
    }
}
