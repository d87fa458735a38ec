package de.zusammenwachsen.workspace.web.shell;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pages' UTF-8 writer gives exactly the bytes Java's own encoder gives. */
class Utf8WriterTest {

    @Test
    void encodesLikeTheJdk() throws IOException {
        String text = "Straße, Gebäude & „Zitat“ – 20 € 😀 <p>Grüße</p>";
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), written(text));
    }

    @Test
    void aLongTextCrossesBlocksAndAPairMaySplitBetweenWrites() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("Ä€😀a").append(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Writer writer = new Utf8Writer(out);
        String all = text.toString();
        // Written in pieces of 7 characters: some pieces end between the two halves of 😀.
        for (int i = 0; i < all.length(); i += 7) {
            writer.write(all, i, Math.min(7, all.length() - i));
        }
        writer.flush();
        assertArrayEquals(all.getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void halvesOfAPairAloneBecomeQuestionMarks() throws IOException {
        assertEquals("a?b?", new String(written("a\uDC00b\uD800"), StandardCharsets.UTF_8));
    }

    @Test
    void discardDropsWhatWasNotHandedOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Writer writer = new Utf8Writer(out);
        writer.write("halbe Seite");
        writer.discard();
        writer.write("Fehlerseite");
        writer.flush();
        assertEquals("Fehlerseite", out.toString(StandardCharsets.UTF_8));
    }

    private static byte[] written(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Utf8Writer writer = new Utf8Writer(out)) {
            writer.write(text);
        }
        return out.toByteArray();
    }
}
