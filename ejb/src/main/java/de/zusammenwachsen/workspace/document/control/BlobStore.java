package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.core.TooLargeException;
import de.zusammenwachsen.workspace.document.entity.StoredFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Files by content: each blob is stored once under its SHA-256, in {@code ab/cd/abcd…}. A write streams into a
 * temporary file while hashing, forces it to disk, and moves it into place atomically, all before the caller's
 * database transaction commits; so a committed row never names a missing blob, and a crash leaves at worst an
 * unreferenced file, which the {@link #sweep sweeper} removes.
 */
public class BlobStore {

    private static final Logger LOG = Logger.getLogger(BlobStore.class.getName());

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    public BlobStore(Path root) {
        this.root = root;
        this.incoming = root.resolve("incoming");
    }

    public static BlobStore configured() {
        return new BlobStore(DocumentSettings.blobDirectory());
    }

    /** Thrown when a blob on disk is missing or does not match its name: a damaged store, never the user's fault. */
    public static class DamagedBlobException extends IOException {
        public DamagedBlobException(String message) {
            super(message);
        }
    }

    public record SweepResult(int examined, int removed, long bytesRemoved, int incompleteRemoved) {
    }

    /** Looks at a file before it is stored, and refuses it by throwing; see {@link #store(InputStream, long, String, String, Inspection)}. */
    @FunctionalInterface
    public interface Inspection {

        /** {@code file} holds the whole upload, {@code mediaType} is its sniffed type. */
        void inspect(Path file, String mediaType);
    }

    /**
     * Stores what {@code in} delivers, at most {@code maxBytes} (beyond that: {@link TooLargeException} with
     * {@code tooLargeKey} and the limit in MB), and returns its hash, size and sniffed type.
     */
    public StoredFile store(InputStream in, long maxBytes, String fileName, String tooLargeKey) {
        return store(in, maxBytes, fileName, tooLargeKey, null);
    }

    /**
     * Stores like {@link #store(InputStream, long, String, String)}, but lets {@code inspection} look at the whole
     * upload first: what it refuses is deleted unstored, so a refused file leaves nothing behind, not even a blob
     * for the sweeper.
     */
    public StoredFile store(InputStream in, long maxBytes, String fileName, String tooLargeKey, Inspection inspection) {
        try {
            Files.createDirectories(incoming);
            Path temp = incoming.resolve(UUID.randomUUID() + ".part");
            MessageDigest digest = sha256();
            long size = 0;
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                     OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                    byte[] buffer = new byte[BUFFER];
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        size += n;
                        if (size > maxBytes) {
                            throw new TooLargeException(tooLargeKey, maxBytes / (1024 * 1024));
                        }
                        digest.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                    }
                    out.flush();
                    channel.force(true);
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                String type = ContentTypes.sniff(temp, fileName);
                if (inspection != null) {
                    inspection.inspect(temp, type);
                }
                place(temp, hash);
                return new StoredFile(hash, size, type);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void place(Path temp, String hash) throws IOException {
        Path target = path(hash);
        if (Files.exists(target)) {
            // Identical content is stored once. Touching it tells the sweeper it is wanted again, so that a sweep
            // running just now cannot remove it before this upload's row commits.
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            return;
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.getParent());
    }

    public Path path(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a blob hash: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    public boolean exists(String hash) {
        return Files.isRegularFile(path(hash));
    }

    public InputStream open(String hash) throws IOException {
        try {
            return Files.newInputStream(path(hash));
        } catch (NoSuchFileException e) {
            throw new DamagedBlobException("blob " + hash + " is missing");
        }
    }

    /**
     * Streams a blob to {@code out}, checking its size first and its SHA-256 while streaming. The last buffer is
     * held back until the checksum is known: a damaged blob ends the response short of its Content-Length, so the
     * client sees a failed download instead of silently wrong bytes.
     */
    public void copyVerified(String hash, long expectedSize, OutputStream out) throws IOException {
        Path file = path(hash);
        long actual;
        try {
            actual = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DamagedBlobException("blob " + hash + " is missing");
        }
        if (actual != expectedSize) {
            throw new DamagedBlobException("blob " + hash + " has " + actual + " bytes, expected " + expectedSize);
        }
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] held = new byte[BUFFER];
            byte[] next = new byte[BUFFER];
            int heldLength = readFully(in, held);
            while (heldLength > 0) {
                int nextLength = readFully(in, next);
                digest.update(held, 0, heldLength);
                if (nextLength <= 0) {
                    break;
                }
                out.write(held, 0, heldLength);
                byte[] swap = held;
                held = next;
                next = swap;
                heldLength = nextLength;
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(hash)) {
                throw new DamagedBlobException("blob " + hash + " does not match its checksum");
            }
            if (heldLength > 0) {
                out.write(held, 0, heldLength);
            }
        }
    }

    /** Reads and hashes a whole blob; for checks by administrators and tests. */
    public boolean verify(String hash) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = open(hash)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest()).equals(hash);
    }

    /**
     * Removes blobs that {@code referenced} does not name and that have not been written or reused within
     * {@code grace}, and incomplete uploads older than that.
     */
    public SweepResult sweep(Predicate<String> referenced, Duration grace) throws IOException {
        Instant cutoff = Instant.now().minus(grace);
        int examined = 0;
        int removed = 0;
        long bytes = 0;
        int incomplete = 0;
        if (!Files.isDirectory(root)) {
            return new SweepResult(0, 0, 0, 0);
        }
        try (DirectoryStream<Path> parts = Files.isDirectory(incoming) ? Files.newDirectoryStream(incoming)
                : Files.newDirectoryStream(root, p -> false)) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).toInstant().isBefore(cutoff) && Files.deleteIfExists(part)) {
                    incomplete++;
                }
            }
        }
        for (Path level1 : list(root)) {
            if (!level1.getFileName().toString().matches("[0-9a-f]{2}")) {
                continue;
            }
            for (Path level2 : list(level1)) {
                for (Path blob : list(level2)) {
                    String hash = blob.getFileName().toString();
                    if (!HASH.matcher(hash).matches()) {
                        continue;
                    }
                    examined++;
                    if (referenced.test(hash)) {
                        continue;
                    }
                    // Checked last and right before deleting: a concurrent upload that reuses this blob touches it.
                    if (Files.getLastModifiedTime(blob).toInstant().isBefore(cutoff)) {
                        long size = Files.size(blob);
                        if (Files.deleteIfExists(blob)) {
                            removed++;
                            bytes += size;
                        }
                    }
                }
            }
        }
        return new SweepResult(examined, removed, bytes, incomplete);
    }

    /** Number of blobs and their bytes, for the administrators' overview and the benchmark. */
    public long[] usage() throws IOException {
        long count = 0;
        long bytes = 0;
        if (Files.isDirectory(root)) {
            for (Path level1 : list(root)) {
                if (!level1.getFileName().toString().matches("[0-9a-f]{2}")) {
                    continue;
                }
                for (Path level2 : list(level1)) {
                    for (Path blob : list(level2)) {
                        count++;
                        bytes += Files.size(blob);
                    }
                }
            }
        }
        return new long[] {count, bytes};
    }

    /** Uploads that were started and neither finished nor cleaned up (a crash mid-upload leaves one). */
    public long incompleteUploads() throws IOException {
        return list(incoming).size();
    }

    public Set<String> hashesOnDisk() throws IOException {
        Set<String> hashes = new java.util.HashSet<>();
        if (Files.isDirectory(root)) {
            for (Path level1 : list(root)) {
                if (level1.getFileName().toString().matches("[0-9a-f]{2}")) {
                    for (Path level2 : list(level1)) {
                        for (Path blob : list(level2)) {
                            hashes.add(blob.getFileName().toString());
                        }
                    }
                }
            }
        }
        return hashes;
    }

    private static java.util.List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var stream = Files.list(dir)) {
            return stream.toList();
        }
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static void syncDirectory(Path dir) {
        // Makes the new directory entry durable on Linux; some platforms cannot open directories, which is harmless.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "cannot sync directory " + dir, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
