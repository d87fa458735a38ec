package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.TooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The check of an import's archive before it is stored: entries, unpacked bytes, and headers that lie. */
class ImportArchivesTest {

    private static final long MB = 1024L * 1024L;
    private static final Supplier<TooLargeException> TOO_LARGE = () -> new TooLargeException("import.expanded.tooLarge", 1);

    @TempDir
    Path dir;

    @Test
    void anArchiveWithinTheLimitsIsAcceptedWithWhatItHolds() throws IOException {
        Path zip = write("ok.zip", zip(3, 1000, false));
        assertEquals(new ImportArchives.Contents(4, 3000), ImportArchives.check(zip, 10, MB, TOO_LARGE),
                "three files and their folder");
    }

    @Test
    void moreEntriesThanTheLimitAreRefusedEvenWhenTheyAreEmpty() throws IOException {
        Path zip = write("many.zip", zip(2001, 0, false));
        TooLargeException refused = assertThrows(TooLargeException.class,
                () -> ImportArchives.check(zip, 2000, MB, TOO_LARGE));
        assertEquals("import.tooManyEntries", refused.key());
        assertEquals(2002, refused.arguments()[0]);
        assertEquals(2000, refused.arguments()[1]);
    }

    @Test
    void anHonestArchiveThatUnpacksBeyondTheLimitIsRefusedByItsHeaders() throws IOException {
        byte[] bytes = zip(3, (int) MB, false);
        assertEquals(true, bytes.length < 20_000, "zeros compress to almost nothing: " + bytes.length);
        Path zip = write("zeros.zip", bytes);
        assertEquals("import.expanded.tooLarge", assertThrows(TooLargeException.class,
                () -> ImportArchives.check(zip, 2000, 2 * MB, TOO_LARGE)).key());
    }

    @Test
    void aZipBombWhoseHeadersUnderstateItsSizesIsRefusedByCountingWhatItUnpacks() throws IOException {
        Path zip = write("bomb.zip", zip(3, (int) MB, true));
        try (ZipFile read = new ZipFile(zip.toFile())) {
            long declared = Collections.list(read.entries()).stream().mapToLong(e -> Math.max(0, e.getSize())).sum();
            assertEquals(3, declared, "the headers claim one byte per file");
        }
        assertEquals("import.expanded.tooLarge", assertThrows(TooLargeException.class,
                () -> ImportArchives.check(zip, 2000, 2 * MB, TOO_LARGE)).key());
    }

    @Test
    void whatIsNoZipIsRefusedAsUnreadable() throws IOException {
        Path notZip = write("kaputt.zip", "PK\u0003\u0004 und dann nichts mehr".getBytes(StandardCharsets.UTF_8));
        assertEquals("import.unreadable", assertThrows(InvalidInputException.class,
                () -> ImportArchives.check(notZip, 2000, MB, TOO_LARGE)).key());
    }

    @Test
    void namesInTheDosCodePageOfWindowsArchivesAreRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, Charset.forName("Cp437"))) {
            out.putNextEntry(new ZipEntry("Übersicht.txt"));
            out.write("Inhalt".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Path zip = write("windows.zip", bytes.toByteArray());
        try (ZipFile read = ImportArchives.open(zip)) {
            assertEquals("Übersicht.txt", read.entries().nextElement().getName());
        }
        assertEquals(new ImportArchives.Contents(1, 6), ImportArchives.check(zip, 10, MB, TOO_LARGE));
    }

    /**
     * A ZIP of {@code files} files of {@code size} zeros in one folder; {@code lying}: the central directory says
     * each file is one byte long.
     */
    private static byte[] zip(int files, int size, boolean lying) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[size];
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("Ordner/"));
            out.closeEntry();
            for (int i = 0; i < files; i++) {
                out.putNextEntry(new ZipEntry("Ordner/Datei-" + i + ".txt"));
                out.write(zeros);
                out.closeEntry();
            }
        }
        byte[] zip = bytes.toByteArray();
        if (lying) {
            // Central directory headers (PK\1\2) hold the uncompressed size at offset 24; the local headers of
            // streamed entries hold none (their sizes follow the data).
            ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i + 46 <= zip.length; i++) {
                if (buffer.getInt(i) == 0x02014b50 && buffer.getInt(i + 24) > 0) {
                    buffer.putInt(i + 24, 1);
                }
            }
        }
        return zip;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
