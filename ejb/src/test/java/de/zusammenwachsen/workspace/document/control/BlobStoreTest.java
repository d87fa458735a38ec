package de.zusammenwachsen.workspace.document.control;

import de.zusammenwachsen.workspace.core.TooLargeException;
import de.zusammenwachsen.workspace.document.entity.StoredFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesByContentOnce() throws IOException {
        BlobStore store = new BlobStore(root);
        byte[] bytes = "Gesetz über die Errichtung eines Sondervermögens".getBytes(StandardCharsets.UTF_8);
        StoredFile a = store.store(new ByteArrayInputStream(bytes), 1000, "a.txt", "too.large");
        StoredFile b = store.store(new ByteArrayInputStream(bytes), 1000, "b.txt", "too.large");
        assertEquals(a.hash(), b.hash());
        assertEquals(bytes.length, a.size());
        assertEquals("text/plain", a.mediaType());
        assertEquals(1, store.usage()[0]);
        assertEquals(0, store.incompleteUploads());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.copyVerified(a.hash(), a.size(), out);
        assertArrayEquals(bytes, out.toByteArray());
    }

    @Test
    void refusesWhatIsTooLargeAndLeavesNothingBehind() throws IOException {
        BlobStore store = new BlobStore(root);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        TooLargeException refused = assertThrows(TooLargeException.class, () -> store.store(endless, 2 * 1024 * 1024, "x", "too.large"));
        assertEquals("too.large", refused.key());
        assertEquals(0, store.usage()[0]);
        assertEquals(0, store.incompleteUploads());
    }

    @Test
    void htmlNamedPdfIsSniffedAsHtmlAndServedAsBytes() {
        BlobStore store = new BlobStore(root);
        byte[] html = "<!DOCTYPE html><html><head><script>alert(1)</script></head><body>x</body></html>".getBytes(StandardCharsets.UTF_8);
        StoredFile file = store.store(new ByteArrayInputStream(html), 1000, "rechnung.pdf", "too.large");
        assertEquals("text/html", file.mediaType());
        assertEquals(ContentTypes.OCTET_STREAM, ContentTypes.served(file.mediaType()));
        assertFalse(ContentTypes.inline(file.mediaType()));
    }

    @Test
    void aDamagedBlobIsNeverServedWhole() throws IOException {
        BlobStore store = new BlobStore(root);
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        StoredFile file = store.store(new ByteArrayInputStream(bytes), 1_000_000, "daten.bin", "too.large");
        byte[] damaged = bytes.clone();
        damaged[100] ^= 1;
        Files.write(store.path(file.hash()), damaged);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(BlobStore.DamagedBlobException.class, () -> store.copyVerified(file.hash(), file.size(), out));
        assertTrue(out.size() < bytes.length, "the last part is held back");
        Files.delete(store.path(file.hash()));
        assertThrows(BlobStore.DamagedBlobException.class, () -> store.copyVerified(file.hash(), file.size(), new ByteArrayOutputStream()));
    }

    @Test
    void sweepRemovesOnlyOldUnreferencedBlobs() throws IOException {
        BlobStore store = new BlobStore(root);
        StoredFile kept = store.store(new ByteArrayInputStream("kept".getBytes()), 100, "k.txt", "x");
        StoredFile old = store.store(new ByteArrayInputStream("old".getBytes()), 100, "o.txt", "x");
        StoredFile fresh = store.store(new ByteArrayInputStream("fresh".getBytes()), 100, "f.txt", "x");
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(3)));
        Files.setLastModifiedTime(store.path(kept.hash()), longAgo);
        Files.setLastModifiedTime(store.path(old.hash()), longAgo);
        Files.createDirectories(root.resolve("incoming"));
        Path part = Files.writeString(root.resolve("incoming").resolve("crashed.part"), "half");
        Files.setLastModifiedTime(part, longAgo);

        BlobStore.SweepResult result = store.sweep(Set.of(kept.hash())::contains, Duration.ofHours(1));

        assertEquals(3, result.examined());
        assertEquals(1, result.removed());
        assertEquals(1, result.incompleteRemoved());
        assertTrue(store.exists(kept.hash()));
        assertFalse(store.exists(old.hash()));
        assertTrue(store.exists(fresh.hash()), "within the grace period");
    }

    @Test
    void reusingAnOldBlobProtectsItFromTheSweeper() throws IOException {
        BlobStore store = new BlobStore(root);
        StoredFile file = store.store(new ByteArrayInputStream("wieder".getBytes()), 100, "w.txt", "x");
        Files.setLastModifiedTime(store.path(file.hash()), FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        store.store(new ByteArrayInputStream("wieder".getBytes()), 100, "w2.txt", "x");
        store.sweep(h -> false, Duration.ofHours(1));
        assertTrue(store.exists(file.hash()));
    }
}
