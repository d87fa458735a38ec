package de.zusammenwachsen.workspace.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Where the shared corpus of real German documents lies (laws as Markdown in {@code gesetze/}, PDF, DOCX and ODT in
 * {@code binary/}): {@code -Dit.corpus} or {@code ZW_CORPUS} if set; else {@code ../shared/corpus} beside the
 * project, looked up from the working directory upwards (the tests run in {@code ear/}); else the workplace's
 * {@code /work/shared/corpus}, for a clone that lives elsewhere (CI).
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        String configured = System.getProperty("it.corpus", System.getenv("ZW_CORPUS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus");
            if (Files.isDirectory(candidate.resolve("binary"))) {
                return candidate;
            }
        }
        return Path.of("/work/shared/corpus");
    }

    public static Path binary() {
        return root().resolve("binary");
    }

    public static Path gesetze() {
        return root().resolve("gesetze");
    }

    /**
     * Writes {@code files} into one ZIP archive at {@code zip}, each at the top under its own file name, as a group
     * moving in would upload them for a bulk import. Streams file by file: the corpus is never held in memory.
     */
    public static Path zip(List<Path> files, Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
