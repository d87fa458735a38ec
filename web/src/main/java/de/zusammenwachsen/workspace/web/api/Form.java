package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.InvalidInputException;
import de.zusammenwachsen.workspace.core.TooLargeException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.NotSupportedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@code multipart/form-data} upload, read through the Servlet API rather than a JAX-RS entity: Undertow spools
 * every file part above the threshold of the servlet's {@code <multipart-config>} (web.xml) to a temporary file
 * and deletes it after the request, so that a 100 MB document or a 1 GB ZIP never lies in memory. The files are
 * handed to the boundaries as streams of those temporary files, with the part's size as the declared size.
 */
final class Form {

    /** Text fields are short (ids, a version number, a comment); anything longer is a mistake. */
    static final int MAX_FIELD_CHARS = 4000;

    /** A file part: the name the client gave it, its size and its bytes. */
    record File(String name, long size, Part part) {

        /** Hands the file's bytes to {@code use} and closes them afterwards. */
        <T> T read(Function<InputStream, T> use) {
            try (InputStream in = part.getInputStream()) {
                return use.apply(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final List<File> files;
    private final Map<String, String> fields;

    private Form(List<File> files, Map<String, String> fields) {
        this.files = files;
        this.fields = fields;
    }

    /**
     * Reads the parts of the request; the parts named {@code fileField} must carry a file name. Refuses a request
     * that is not multipart with 415, one beyond the servlet's size limits with 413.
     */
    static Form read(HttpServletRequest request, String fileField) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new NotSupportedException();
        }
        List<File> files = new ArrayList<>();
        Map<String, String> fields = new HashMap<>();
        try {
            if (request.getCharacterEncoding() == null) {
                // Browsers and curl send the part headers (file names with umlauts) and text fields in UTF-8.
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            for (Part part : request.getParts()) {
                if (part.getName().equals(fileField)) {
                    if (part.getSubmittedFileName() == null) {
                        throw new InvalidInputException("rest.file.nameMissing", fileField);
                    }
                    files.add(new File(fileName(part.getSubmittedFileName()), part.getSize(), part));
                } else if (part.getSubmittedFileName() == null) {
                    fields.put(part.getName(), text(part));
                }
            }
        } catch (IllegalStateException e) {
            // The servlet container's own limits (<multipart-config>), far above the application's, report an
            // IOException as the cause; without one, the servlet has no multipart-config at all: our bug.
            if (e.getCause() instanceof IOException) {
                throw new TooLargeException("rest.upload.tooLarge");
            }
            throw e;
        } catch (IOException | ServletException e) {
            throw new InvalidInputException("rest.multipart.invalid");
        }
        return new Form(files, fields);
    }

    List<File> files() {
        return files;
    }

    /** The only file of a single-file upload; 400 when there is none or more than one. */
    File file(String fileField) {
        if (files.size() != 1) {
            throw new InvalidInputException(files.isEmpty() ? "rest.file.missing" : "rest.file.single", fileField);
        }
        return files.get(0);
    }

    /** A text field; absent or blank: null. */
    String text(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    Long id(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("rest.parameter.invalid", name, value);
        }
    }

    Integer integer(String name) {
        String value = text(name);
        return value == null ? null : Requests.integer(name, value, 0);
    }

    /**
     * The file name as the client meant it: browsers escape a double quote and line breaks in a part's file name
     * as %22, %0D and %0A (HTML's form submission rules) and leave every other character as it is.
     */
    static String fileName(String submitted) {
        return submitted.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
    }

    private static String text(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_CHARS * 4 + 1);
            String value = new String(bytes, StandardCharsets.UTF_8);
            if (bytes.length > MAX_FIELD_CHARS * 4 || value.length() > MAX_FIELD_CHARS) {
                throw new InvalidInputException("rest.field.tooLong", part.getName(), MAX_FIELD_CHARS);
            }
            return value;
        }
    }
}
