package de.zusammenwachsen.workspace.e2e;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The readable parts of a received mail, wherever they sit: our mails are plain text with an HTML alternative,
 * and invitations add a calendar file around that (multipart/mixed of multipart/alternative and text/calendar).
 */
final class MailParts {

    private MailParts() {
    }

    /** The text/plain parts, in order. */
    static String plain(Part mail) {
        return of(mail, "text/plain");
    }

    /** The text/html parts, in order. */
    static String html(Part mail) {
        return of(mail, "text/html");
    }

    private static String of(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return String.valueOf(part.getContent());
            }
            StringBuilder text = new StringBuilder();
            if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    text.append(of(parts.getBodyPart(i), type));
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
