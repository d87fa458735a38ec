package de.zusammenwachsen.workspace.web.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes characters as UTF-8 into a byte array of its own and hands the output stream whole blocks of it. Pages are
 * written through it instead of through Undertow's servlet writer, whose encoder writes byte by byte into a direct
 * buffer: a tenth of the CPU time of the thread page (368 KB of HTML; JFR). The bytes not yet handed on can be
 * dropped ({@link #discard}), as a servlet response's buffer can be reset; a long string is handed on at once.
 */
final class Utf8Writer extends Writer {

    private static final int BLOCK = 8192;
    /** From this length on, a string is encoded as a whole and handed on at once. */
    static final int DIRECT = 2048;

    private final OutputStream out;
    private final byte[] bytes = new byte[BLOCK];
    private final char[] chars = new char[BLOCK / 4];
    private int count;
    /** A high surrogate whose low half has not come yet (a String may be written in parts). */
    private char pendingHigh;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        encode((char) c);
    }

    /**
     * Faces hands the whole page over in arrays of characters (its writer that fills in the view state buffers it).
     * They are encoded in runs that fit the block whatever they hold, so that the loop for the bulk of the page
     * (ASCII, Latin letters) neither checks for room nor calls out per character; surrogates, rare, go the careful way.
     */
    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (pendingHigh != 0) {
                encode(text[i++]);
                continue;
            }
            // Each character of a run takes at most three bytes.
            int room = (BLOCK - count) / 3;
            if (room == 0) {
                drain();
                continue;
            }
            int stop = Math.min(end, i + room);
            while (i < stop) {
                char c = text[i];
                if (c < 0x80) {
                    bytes[count++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[count++] = (byte) (0xC0 | c >> 6);
                    bytes[count++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    break;
                } else {
                    bytes[count++] = (byte) (0xE0 | c >> 12);
                    bytes[count++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[count++] = (byte) (0x80 | c & 0x3F);
                }
                i++;
            }
            if (i < stop) {
                encode(text[i++]);
            }
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        int end = offset + length;
        // A long text (a run of posts is one string of up to 400 KB) is encoded by Java's own encoder, which copies
        // Latin-1 text nearly as it is, and handed on whole: fewer, larger writes to the socket as well. Not when a
        // pair of UTF-16 halves could be split across writes: then the halves are joined below.
        if (length >= DIRECT && pendingHigh == 0 && !Character.isHighSurrogate(text.charAt(end - 1))) {
            drain();
            byte[] encoded = (offset == 0 && end == text.length() ? text : text.substring(offset, end))
                    .getBytes(StandardCharsets.UTF_8);
            out.write(encoded, 0, encoded.length);
            return;
        }
        // In chunks through an array: charAt on a UTF-16 string checks its index each time.
        for (int from = offset; from < end; from += chars.length) {
            int to = Math.min(end, from + chars.length);
            text.getChars(from, to, chars, 0);
            write(chars, 0, to - from);
        }
    }

    private void encode(char c) throws IOException {
        if (count > BLOCK - 4) {
            drain();
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int code = Character.toCodePoint(high, c);
                bytes[count++] = (byte) (0xF0 | code >> 18);
                bytes[count++] = (byte) (0x80 | code >> 12 & 0x3F);
                bytes[count++] = (byte) (0x80 | code >> 6 & 0x3F);
                bytes[count++] = (byte) (0x80 | code & 0x3F);
                return;
            }
            bytes[count++] = '?';
            encode(c);
            return;
        }
        if (c < 0x80) {
            bytes[count++] = (byte) c;
        } else if (c < 0x800) {
            bytes[count++] = (byte) (0xC0 | c >> 6);
            bytes[count++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            // A low half without its high half is no character: written as '?', like Java's own encoder does.
            bytes[count++] = '?';
        } else {
            bytes[count++] = (byte) (0xE0 | c >> 12);
            bytes[count++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[count++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(bytes, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            encode('?');
        }
        drain();
        out.close();
    }

    /** Drops what was written and not yet handed to the stream. */
    void discard() {
        count = 0;
        pendingHigh = 0;
    }
}
