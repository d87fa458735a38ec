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
    void longStringsAreEncodedWholeLikeTheJdkAlsoWhenAPairSpansTwoOfThem() throws IOException {
        String latin = "Grüße aus der Lausitz & <b>Straße</b> ".repeat(200);
        String wide = "„Zitat“ – 20 € 😀 a\uDC00b ".repeat(200);
        String pairStart = "x".repeat(Utf8Writer.DIRECT) + "\uD83D";
        String pairEnd = "\uDE00" + "y".repeat(Utf8Writer.DIRECT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Utf8Writer writer = new Utf8Writer(out);
        writer.write("kurz ");
        writer.write(latin);
        writer.write(wide, 5, wide.length() - 10);
        writer.write(pairStart);
        writer.write(pairEnd);
        writer.flush();
        String all = "kurz " + latin + wide.substring(5, wide.length() - 5) + pairStart + pairEnd;
        // The JDK encodes the joined text, so the pair split between the last two writes must come out as one
        // character of four bytes, and the lone low half in "wide" as '?'.
        assertArrayEquals(all.getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    /** Random text of the characters that matter, handed over in arrays of random lengths, as Faces does. */
    @Test
    void arraysInPiecesEncodeLikeTheJdk() throws IOException {
        char[] alphabet = {'a', '<', ' ', '\n', 'ä', 'ß', 'é', '€', '„', '\uD83D', '\uDE00', '\uDC00', '\uD800', '\u07FF', '\u0800'};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            char[] text = new char[random.nextInt(40_000)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) ('a' + random.nextInt(26));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Utf8Writer writer = new Utf8Writer(out)) {
                for (int i = 0; i < text.length; ) {
                    int piece = Math.min(text.length - i, 1 + random.nextInt(12_000));
                    writer.write(text, i, piece);
                    i += piece;
                }
            }
            assertArrayEquals(new String(text).getBytes(StandardCharsets.UTF_8), out.toByteArray(), "round " + round);
        }
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
