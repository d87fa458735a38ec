package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.entity.AttendanceStatus;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Minutes as an A4 PDF: letterhead, meeting, attendance, every agenda item with notes, decisions and action items,
 * the approval line and amendments, with line wrapping, page breaks and page numbers. Drafts carry "ENTWURF"
 * across every page. Uses the standard Helvetica fonts (nothing to embed, every PDF reader has them) in WinAnsi
 * encoding, which covers German; the few characters it lacks are replaced by a close equivalent or "?".
 */
public final class MinutesPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final Color ACCENT = new Color(0x2f, 0x5d, 0x3a);
    private static final Color MUTED = new Color(0x44, 0x44, 0x44);

    private final PDDocument pdf = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    private final Map<Character, Boolean> encodable = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    private MinutesPdf() {
    }

    public static byte[] write(MinutesView.Document document, Locale locale) {
        MinutesPdf writer = new MinutesPdf();
        try {
            return writer.render(document, new MinutesText(locale));
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the PDF of minutes " + document.id() + " failed", e);
        }
    }

    private byte[] render(MinutesView.Document d, MinutesText t) throws IOException {
        try (pdf) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(clean(t.get("minutes.export.title", d.meetingTitle())));
            info.setAuthor(clean(t.get("minutes.export.letterhead")));
            info.setCreationDate(Calendar.getInstance());
            newPage();
            text(t.get("minutes.export.letterhead"), bold, 15, 0, ACCENT);
            text(d.groupName(), regular, 11, 0, MUTED);
            rule();
            space(6);
            text(t.get("minutes.export.title", d.meetingTitle()), bold, 17, 0, Color.BLACK);
            space(4);
            field(t.get("minutes.export.date"), t.when(d));
            field(t.get("minutes.export.place"), t.place(d));
            field(t.get("minutes.minuteTaker"), d.minuteTakerName() == null ? t.get("minutes.export.none") : d.minuteTakerName());
            if (!d.isApproved()) {
                space(4);
                text(t.get("minutes.export.draft") + " – " + t.get("minutes.export.notApproved"), bold, 11, 0, Color.RED.darker());
            }
            heading(t.get("minutes.export.attendance"));
            for (AttendanceStatus status : AttendanceStatus.values()) {
                field(t.get("minutes.attendance." + status.name()), t.attendees(d, status));
            }
            field(t.get("minutes.guests"), t.guests(d));
            for (MinutesView.Section section : d.sections()) {
                if (MinutesText.hasContent(section)) {
                    section(section, t);
                }
            }
            heading(t.get("minutes.export.approval"));
            text(t.approval(d), regular, 10.5f, 0, Color.BLACK);
            if (!d.amendments().isEmpty()) {
                heading(t.get("minutes.export.amendments"));
                for (MinutesView.Amendment amendment : d.amendments()) {
                    text(t.get("minutes.export.amendment", t.shortDate(amendment.createdAt()),
                            amendment.authorName() == null ? "?" : amendment.authorName()), bold, 10.5f, 0, Color.BLACK);
                    plain(amendment.body(), 0);
                    space(4);
                }
            }
            out.close();
            decorate(d, t);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        }
    }

    private void section(MinutesView.Section section, MinutesText t) throws IOException {
        heading(t.sectionTitle(section));
        if (section.notes() != null && !section.notes().isBlank()) {
            plain(section.notes(), 0);
        }
        if (!section.decisions().isEmpty()) {
            subheading(t.get("minutes.decisions"));
            int n = 1;
            for (MinutesView.DecisionEntry decision : section.decisions()) {
                keep(40);
                text(n++ + ". " + decision.wording(), bold, 10.5f, 10, Color.BLACK);
                String vote = t.get("minutes.export.vote") + ": " + t.vote(decision) + " · "
                        + t.get("minutes.export.outcome") + ": " + t.outcome(decision)
                        + (decision.published() ? " · " + t.get("minutes.export.published") : "");
                text(vote, regular, 10, 22, MUTED);
                space(3);
            }
        }
        if (!section.actionItems().isEmpty()) {
            subheading(t.get("minutes.actionItems"));
            for (MinutesView.ActionItemEntry item : section.actionItems()) {
                keep(30);
                text("• " + item.title(), regular, 10.5f, 10, Color.BLACK);
                text(t.get("minutes.export.owner") + ": " + (item.ownerName() == null ? t.get("minutes.export.none") : item.ownerName())
                        + " · " + t.get("minutes.export.due") + ": " + t.day(item.dueOn()) + " · " + t.status(item),
                        regular, 10, 22, MUTED);
                space(2);
            }
        }
    }

    private void heading(String title) throws IOException {
        space(10);
        keep(50);
        text(title, bold, 13, 0, ACCENT);
        space(2);
    }

    private void subheading(String title) throws IOException {
        space(4);
        keep(40);
        text(title, bold, 11, 0, Color.BLACK);
    }

    private void field(String label, String value) throws IOException {
        text(label + ": " + value, regular, 10.5f, 0, Color.BLACK);
    }

    /** Markdown notes as plain text: structure marks removed, list items as bullets, links as "text (address)". */
    private void plain(String markdown, float indent) throws IOException {
        for (String raw : markdown.strip().split("\n")) {
            String line = raw.replaceAll("^\\s{0,3}#{1,6}\\s+", "").replaceAll("^(\\s*)[-*+]\\s+", "$1• ")
                    .replaceAll("^\\s{0,3}>\\s?", "  ").replaceAll("!?\\[([^\\]]*)]\\(([^)]*)\\)", "$1 ($2)")
                    .replaceAll("(\\*\\*|__|`|~~)", "");
            if (line.isBlank()) {
                space(5);
            } else {
                text(line, regular, 10.5f, indent, Color.BLACK);
            }
        }
        space(3);
    }

    /** Writes a paragraph, wrapped at word boundaries (and inside words longer than a line), breaking pages. */
    private void text(String value, PDType1Font font, float size, float indent, Color color) throws IOException {
        String cleaned = clean(value);
        float leading = size * 1.35f;
        for (String line : wrap(cleaned, font, size, WIDTH - indent)) {
            if (y - leading < MARGIN + 20) {
                newPage();
            }
            y -= leading;
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(color);
            out.newLineAtOffset(MARGIN + indent, y);
            out.showText(line);
            out.endText();
        }
    }

    private List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, font, size) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Starts a new page when less than {@code needed} points are left, so a heading never ends a page. */
    private void keep(float needed) throws IOException {
        if (y - needed < MARGIN + 20) {
            newPage();
        }
    }

    private void space(float points) {
        y -= points;
    }

    private void rule() throws IOException {
        y -= 6;
        out.setStrokingColor(ACCENT);
        out.setLineWidth(1.2f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + WIDTH, y);
        out.stroke();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        out = new PDPageContentStream(pdf, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Page numbers, the short letterhead in the footer, and the draft mark across every page. */
    private void decorate(MinutesView.Document d, MinutesText t) throws IOException {
        int total = pdf.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = pdf.getPage(i);
            try (PDPageContentStream footer = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                footer.beginText();
                footer.setFont(regular, 8.5f);
                footer.setNonStrokingColor(MUTED);
                footer.newLineAtOffset(MARGIN, MARGIN - 24);
                footer.showText(clean(t.get("minutes.export.letterhead") + " · " + d.groupName() + " · "
                        + t.get("minutes.export.title", d.meetingTitle())).substring(0, Math.min(110,
                        clean(t.get("minutes.export.letterhead") + " · " + d.groupName() + " · "
                                + t.get("minutes.export.title", d.meetingTitle())).length())));
                footer.endText();
                String number = clean(t.get("minutes.export.page", i + 1, total));
                footer.beginText();
                footer.newLineAtOffset(MARGIN + WIDTH - width(number, regular, 8.5f), MARGIN - 36);
                footer.showText(number);
                footer.endText();
                if (!d.isApproved()) {
                    PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
                    faint.setNonStrokingAlphaConstant(0.12f);
                    footer.setGraphicsStateParameters(faint);
                    footer.beginText();
                    footer.setFont(bold, 96);
                    footer.setNonStrokingColor(Color.RED);
                    footer.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(45), 140, 250));
                    footer.showText(clean(t.get("minutes.export.draft")));
                    footer.endText();
                }
            }
        }
    }

    /** Keeps what WinAnsi can show; replaces the rest (tabs, arrows, emoji, other scripts) so that writing never fails. */
    private String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
                out.append(' ');
            } else if (Character.isISOControl(cp)) {
                return;
            } else if (cp > 0xFFFF) {
                out.append('?');
            } else if (canShow((char) cp)) {
                out.append((char) cp);
            } else {
                out.append(switch (cp) {
                    case 0x2192, 0x21D2 -> "->";
                    case 0x2190 -> "<-";
                    case 0x2713, 0x2714 -> "x";
                    case 0x2212, 0x2010, 0x2011 -> "-";
                    case 0x201A -> ",";
                    case 0x2264 -> "<=";
                    case 0x2265 -> ">=";
                    default -> "?";
                });
            }
        });
        return out.toString();
    }

    private boolean canShow(char c) {
        return encodable.computeIfAbsent(c, key -> {
            try {
                regular.encode(String.valueOf(key));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                // Not in WinAnsi: clean() puts a replacement in its place.
                return false;
            }
        });
    }
}
