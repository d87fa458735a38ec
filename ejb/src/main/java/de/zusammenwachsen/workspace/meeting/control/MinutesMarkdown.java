package de.zusammenwachsen.workspace.meeting.control;

import de.zusammenwachsen.workspace.meeting.boundary.MinutesView;
import de.zusammenwachsen.workspace.meeting.entity.AttendanceStatus;

import java.util.Locale;

/**
 * Minutes as a Markdown file: the same content and order as the PDF, the notes as they were written. Names and
 * titles are escaped so that they cannot turn into Markdown structure in someone else's tool.
 */
public final class MinutesMarkdown {

    private MinutesMarkdown() {
    }

    public static String write(MinutesView.Document d, Locale locale) {
        MinutesText t = new MinutesText(locale);
        StringBuilder md = new StringBuilder();
        if (!d.isApproved()) {
            md.append("> **").append(t.get("minutes.export.draft")).append("** – ").append(t.get("minutes.export.notApproved"))
                    .append("\n\n");
        }
        md.append("*").append(t.get("minutes.export.letterhead")).append("*\n\n");
        md.append("# ").append(escape(t.get("minutes.export.title", d.meetingTitle()))).append("\n\n");
        line(md, t.get("minutes.export.group"), escape(d.groupName()));
        line(md, t.get("minutes.export.date"), t.when(d));
        line(md, t.get("minutes.export.place"), escape(t.place(d)));
        line(md, t.get("minutes.minuteTaker"), escape(d.minuteTakerName() == null ? t.get("minutes.export.none") : d.minuteTakerName()));
        md.append("\n## ").append(t.get("minutes.export.attendance")).append("\n\n");
        for (AttendanceStatus status : AttendanceStatus.values()) {
            md.append("- **").append(t.get("minutes.attendance." + status.name())).append(":** ")
                    .append(escape(t.attendees(d, status))).append('\n');
        }
        md.append("- **").append(t.get("minutes.guests")).append(":** ").append(escape(t.guests(d))).append("\n");
        for (MinutesView.Section section : d.sections()) {
            if (!MinutesText.hasContent(section)) {
                continue;
            }
            md.append("\n## ").append(escape(t.sectionTitle(section))).append("\n\n");
            if (section.notes() != null && !section.notes().isBlank()) {
                md.append(section.notes().strip()).append("\n\n");
            }
            if (!section.decisions().isEmpty()) {
                md.append("### ").append(t.get("minutes.decisions")).append("\n\n");
                int n = 1;
                for (MinutesView.DecisionEntry decision : section.decisions()) {
                    md.append(n++).append(". ").append(escape(decision.wording()).replace("\n", "\n   ")).append("  \n   *")
                            .append(t.get("minutes.export.vote")).append(":* ").append(t.vote(decision)).append(" · *")
                            .append(t.get("minutes.export.outcome")).append(":* ").append(t.outcome(decision));
                    if (decision.published()) {
                        md.append(" · ").append(t.get("minutes.export.published"));
                    }
                    md.append('\n');
                }
                md.append('\n');
            }
            if (!section.actionItems().isEmpty()) {
                md.append("### ").append(t.get("minutes.actionItems")).append("\n\n");
                for (MinutesView.ActionItemEntry item : section.actionItems()) {
                    md.append("- [").append(item.status().name().equals("DONE") ? 'x' : ' ').append("] ")
                            .append(escape(item.title())).append(" – ").append(t.get("minutes.export.owner")).append(": ")
                            .append(escape(item.ownerName() == null ? t.get("minutes.export.none") : item.ownerName()))
                            .append(" – ").append(t.get("minutes.export.due")).append(": ").append(t.day(item.dueOn()))
                            .append(" – ").append(t.status(item)).append('\n');
                }
                md.append('\n');
            }
        }
        md.append("\n## ").append(t.get("minutes.export.approval")).append("\n\n").append(escape(t.approval(d))).append('\n');
        if (!d.amendments().isEmpty()) {
            md.append("\n## ").append(t.get("minutes.export.amendments")).append("\n\n");
            for (MinutesView.Amendment amendment : d.amendments()) {
                md.append("### ").append(escape(t.get("minutes.export.amendment", t.shortDate(amendment.createdAt()),
                        amendment.authorName() == null ? "?" : amendment.authorName()))).append("\n\n")
                        .append(amendment.body().strip()).append("\n\n");
            }
        }
        return md.toString();
    }

    private static void line(StringBuilder md, String label, String value) {
        md.append("**").append(label).append(":** ").append(value).append("  \n");
    }

    /** Backslash before the characters that start Markdown structure or inline markup. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
