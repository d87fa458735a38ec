package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.core.DomainException;
import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.TooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The ZIP archive of a bulk import, as the import job reads it, and the check of what it holds before it is
 * accepted: the number of entries and the bytes they unpack to.
 *
 * <p>The archive's size says nothing about its contents: 2 MB of ZIP held 5,000 entries that unpacked to 1.5 GB.
 * The sizes in the archive's headers are summed first, which refuses an honest large archive at once; then every
 * entry is unpacked and its bytes counted until the limit is passed, because a ZIP bomb declares small sizes and
 * unpacks to far more (and several entries may even share one compressed stream). Nothing is written meanwhile:
 * the bytes are counted and dropped.
 */
public final class ImportArchives {

    private static final Logger LOG = Logger.getLogger(ImportArchives.class.getName());
    private static final int BUFFER = 64 * 1024;

    private ImportArchives() {
    }

    /** What an accepted archive holds: its entries (files and folders) and the bytes its files unpack to. */
    public record Contents(int entries, long bytes) {
    }

    /**
     * Opens an archive; names are read as UTF-8, or in the DOS code page of archives made on Windows, which name
     * their entries so (depending on the Java update, such a name fails when listed or when opened).
     */
    public static ZipFile open(Path file) throws IOException {
        try {
            ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
            try {
                Collections.list(zip.entries());
                return zip;
            } catch (IllegalArgumentException e) {
                zip.close();
                throw e;
            }
        } catch (IllegalArgumentException | ZipException malformedNames) {
            // Every byte is a character in Cp437, so a damaged archive fails here again, as it should.
            return new ZipFile(file.toFile(), Charset.forName("Cp437"));
        }
    }

    /**
     * Refuses the archive unless it holds at most {@code maxEntries} entries that unpack to at most {@code maxBytes}
     * together: {@link TooLargeException} {@code import.tooManyEntries} with the count and the limit, the exception
     * of {@code tooLarge} for the bytes, {@link InvalidInputException} {@code import.unreadable} for an archive that
     * cannot be opened. An entry that cannot be unpacked counts with what it gave: the import job skips it.
     */
    public static Contents check(Path file, int maxEntries, long maxBytes, Supplier<? extends DomainException> tooLarge) {
        try (ZipFile zip = open(file)) {
            int entries = zip.size();
            if (entries > maxEntries) {
                throw new TooLargeException("import.tooManyEntries", entries, maxEntries);
            }
            long declared = 0;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                long size = all.nextElement().getSize();
                declared += Math.max(0, size);
                if (declared > maxBytes) {
                    throw tooLarge.get();
                }
            }
            long unpacked = 0;
            byte[] buffer = new byte[BUFFER];
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        unpacked += n;
                        if (unpacked > maxBytes) {
                            throw tooLarge.get();
                        }
                    }
                } catch (IOException | IllegalArgumentException damaged) {
                    LOG.log(Level.FINE, "import entry unreadable: " + entry.getName(), damaged);
                }
            }
            return new Contents(entries, unpacked);
        } catch (IOException e) {
            // Not a ZIP after all (sniffed by its first bytes only), or its directory is damaged.
            LOG.log(Level.FINE, "import archive unreadable", e);
            throw new InvalidInputException("import.unreadable");
        }
    }
}
