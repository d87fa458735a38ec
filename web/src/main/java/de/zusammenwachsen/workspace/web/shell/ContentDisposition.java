package de.zusammenwachsen.workspace.web.shell;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a Content-Disposition header (RFC 6266) for a file name that may hold umlauts, quotes or anything else a
 * person typed: an ASCII fallback for old clients plus the exact name in RFC 5987 encoding, so that no name can
 * break out of the header or inject another.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String of(boolean inline, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName;
        StringBuilder ascii = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
