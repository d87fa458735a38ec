package de.zusammenwachsen.workspace.document.control;

import java.util.List;
import java.util.Locale;

/**
 * The coarse type people filter and recognise a document by (the icon in the list), derived from the media type
 * sniffed from its content.
 */
public enum DocumentKind {
    PDF(List.of("application/pdf"), List.of()),
    TEXT(List.of("application/msword", "application/rtf", "text/rtf", "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain",
            "text/x-web-markdown", "text/markdown", "text/csv"), List.of()),
    SPREADSHEET(List.of("application/vnd.ms-excel", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), List.of()),
    PRESENTATION(List.of("application/vnd.ms-powerpoint", "application/vnd.oasis.opendocument.presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation"), List.of()),
    IMAGE(List.of(), List.of("image/")),
    ARCHIVE(List.of("application/zip", "application/x-7z-compressed", "application/x-tar", "application/gzip",
            "application/x-rar-compressed"), List.of()),
    OTHER(List.of(), List.of());

    private final List<String> types;
    private final List<String> prefixes;

    DocumentKind(List<String> types, List<String> prefixes) {
        this.types = types;
        this.prefixes = prefixes;
    }

    public static DocumentKind of(String mediaType) {
        String type = base(mediaType);
        for (DocumentKind kind : values()) {
            if (kind.types.contains(type) || kind.prefixes.stream().anyMatch(type::startsWith)) {
                return kind;
            }
        }
        return OTHER;
    }

    /** Exact media types of this kind, for a query's {@code in} list. */
    public List<String> types() {
        return types;
    }

    /** Media type prefixes of this kind, for a query's {@code like}. */
    public List<String> prefixes() {
        return prefixes;
    }

    /** The media type without parameters ({@code text/plain; charset=UTF-8} → {@code text/plain}). */
    public static String base(String mediaType) {
        if (mediaType == null) {
            return "application/octet-stream";
        }
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
