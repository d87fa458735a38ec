package de.zusammenwachsen.workspace.web.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Encodes characters as UTF-8 into a byte array of its own and hands the output stream whole blocks of it. Pages are
 * written through it instead of through Undertow's servlet writer, whose encoder writes byte by byte into a direct
 * buffer: a tenth of the CPU time of the thread page (368 KB of HTML; JFR). The bytes not yet handed on can be
 * dropped ({@link #discard}), as a servlet response's buffer can be reset.
 */
final class Utf8Writer extends Writer {

    private static final int BLOCK = 8192;

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

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            encode(text[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        // In chunks through an array: charAt on a UTF-16 string checks its index each time.
        int end = offset + length;
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
