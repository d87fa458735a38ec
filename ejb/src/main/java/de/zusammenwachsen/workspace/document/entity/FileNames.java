package de.zusammenwachsen.workspace.document.entity;

import de.zusammenwachsen.workspace.core.InvalidInputException;

import java.text.Normalizer;

/**
 * The rules for names of files and folders. A name comes from a browser, a ZIP archive or a script and is shown,
 * sent in headers and compared; so it loses any path, control and format characters, is normalised to NFC (a Mac
 * sends "ü" decomposed), and is shortened to 255 characters keeping its extension.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** The cleaned name, or null if nothing usable is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw;
        // Browsers on Windows may send a whole path; only the last part is the file's name.
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE;
            out.appendCodePoint(invisible ? ' ' : Character.isWhitespace(cp) ? ' ' : cp);
        });
        String cleaned = out.toString().replaceAll(" {2,}", " ").strip();
        // Leading dots would make hidden files on the desktops people download to; "." and ".." are no names.
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1).strip();
        }
        if (cleaned.isEmpty()) {
            return null;
        }
        return shorten(cleaned);
    }

    public static String require(String raw) {
        String name = clean(raw);
        if (name == null) {
            throw new InvalidInputException("document.name.invalid");
        }
        return name;
    }

    /** The part after the last dot, lower case, or "" if there is none. */
    public static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String ext = extension(name);
        String suffix = ext.isEmpty() || ext.length() > 20 ? "" : "." + ext;
        String stem = name.substring(0, name.length() - suffix.length());
        int keep = MAX_LENGTH - suffix.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + suffix;
    }
}
