package de.zusammenwachsen.workspace.document.control;

import org.apache.tika.Tika;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Decides a file's type from its bytes (the name only refines what the bytes say, e.g. DOCX inside ZIP) and how it
 * may be served: what the browser may show on our origin, and what must always download because it could run
 * script there.
 */
public final class ContentTypes {

    public static final String OCTET_STREAM = "application/octet-stream";

    /**
     * Types a browser shows without running anything of the file on our origin. Not PDF: Chromium's own viewer runs
     * the JavaScript a PDF carries (also under a CSP sandbox), so a PDF always goes out as an attachment and the
     * document page draws it with PDF.js, which runs none.
     */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "text/plain");

    /** Types shown in the document page as text (read from the file, escaped). */
    private static final Set<String> TEXT = Set.of("text/plain", "text/x-web-markdown", "text/markdown", "text/csv",
            "text/tab-separated-values", "application/json", "text/x-log");

    private static final Tika TIKA = new Tika();

    private ContentTypes() {
    }

    public static String sniff(Path file, String fileName) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String type = TIKA.detect(in, fileName);
            return type == null ? OCTET_STREAM : DocumentKind.base(type);
        }
    }

    public static boolean inline(String mediaType) {
        return INLINE.contains(DocumentKind.base(mediaType));
    }

    public static boolean text(String mediaType) {
        return TEXT.contains(DocumentKind.base(mediaType));
    }

    /**
     * The Content-Type a download is sent with: the sniffed type, except that anything the browser might render as
     * a page or script (HTML, SVG, XML, JavaScript, …) goes out as opaque bytes.
     */
    public static String served(String mediaType) {
        String base = DocumentKind.base(mediaType);
        if (INLINE.contains(base)) {
            return base.equals("text/plain") ? "text/plain; charset=UTF-8" : base;
        }
        if (TEXT.contains(base)) {
            return "text/plain; charset=UTF-8";
        }
        boolean active = base.startsWith("text/") || base.contains("xml") || base.contains("script")
                || base.contains("html") || base.equals("application/x-shockwave-flash");
        return active ? OCTET_STREAM : base;
    }
}
