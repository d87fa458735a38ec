package de.zusammenwachsen.workspace.web.register;

import de.zusammenwachsen.workspace.core.Html;
import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.meeting.boundary.RegisterView;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.network.boundary.Network;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The read-only parts of the register page (the decision cards and the options of its filters), written here
 * instead of in the Facelet: as EL inside repeats (some 30 expressions per card, and two per option of 50 groups)
 * they were most of the page's work under load, like the thread page's posts ({@code PostMarkup}). Every text is
 * escaped here; the markup is the one decisions.xhtml had, so styles, anchors and tests stay as they were.
 */
final class RegisterMarkup {

    private RegisterMarkup() {
    }

    /** The {@code <li>} cards of a page of decisions. */
    static String cards(List<RegisterView.Entry> entries, Locale locale, String contextPath) {
        StringBuilder out = new StringBuilder(entries.size() * 1200);
        String language = locale.getLanguage();
        DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        for (RegisterView.Entry d : entries) {
            String outcome = d.outcome().name();
            out.append("<li class=\"decision-card outcome-").append(outcome).append("\" id=\"decision-").append(d.id())
                    .append("\"><article aria-labelledby=\"decision-").append(d.id()).append("-heading\">")
                    .append("<header class=\"decision-header\"><h3 class=\"decision-group\" id=\"decision-")
                    .append(d.id()).append("-heading\">");
            if (d.group().slug() != null && !d.group().slug().isEmpty()) {
                out.append("<a href=\"").append(Html.escape(contextPath)).append("/groups/group.xhtml?slug=")
                        .append(Html.escape(d.group().slug())).append("\" class=\"group-link\">")
                        .append(Html.escape(d.group().name())).append("</a>");
            } else {
                out.append("<span>").append(Html.escape(d.group().name())).append("</span>");
            }
            out.append("</h3><p class=\"decision-badges\"><span class=\"outcome-badge outcome-badge-").append(outcome)
                    .append("\"><span class=\"pi ").append(icon(d.outcome())).append("\" aria-hidden=\"true\"></span> ")
                    .append(Html.escape(Texts.get(locale, "decisions.outcome." + outcome))).append("</span>");
            if (d.published()) {
                out.append("<span class=\"marker published-marker\">")
                        .append(Html.escape(Texts.get(locale, "decisions.published"))).append("</span>");
            }
            out.append("</p></header><p class=\"meta decision-when\">")
                    .append(Html.escape(d.meetingTitle() == null
                            ? Texts.get(locale, "decisions.decidedOnDay", day(d.decidedOn(), days))
                            : Texts.get(locale, "decisions.decidedOn", day(d.decidedOn(), days), d.meetingTitle())))
                    .append("</p><p class=\"decision-wording pre-line\">").append(Html.escape(d.wording()))
                    .append("</p><p class=\"decision-vote\">")
                    .append(Html.escape(d.counted()
                            ? Texts.get(locale, "decisions.vote.counted", d.votesFor(), d.votesAgainst(), d.abstentions())
                            : Texts.get(locale, "decisions.vote.consensus")))
                    .append("</p>");
            if (!d.actionFields().isEmpty() || !d.regions().isEmpty()) {
                out.append("<p class=\"decision-context meta\">");
                for (Network.ActionFieldInfo f : d.actionFields()) {
                    out.append("<span class=\"tag\">").append(Html.escape(f.nameIn(language))).append("</span> ");
                }
                for (Network.RegionInfo r : d.regions()) {
                    out.append("<span class=\"tag tag-region\">").append(Html.escape(r.name())).append("</span> ");
                }
                out.append("</p>");
            }
            if (d.minutesReadable()) {
                out.append("<p class=\"decision-minutes\"><a href=\"").append(Html.escape(contextPath))
                        .append("/groups/minutes.xhtml?id=").append(d.meetingId()).append("\" class=\"minutes-link\">")
                        .append(Html.escape(Texts.get(locale, "decisions.minutesLink")))
                        .append("<span class=\"visually-hidden\">: ").append(Html.escape(d.meetingTitle()))
                        .append("</span></a></p>");
            }
            out.append("</article></li>");
        }
        return out.toString();
    }

    /** {@code <option>}s for a filter, the one with {@code selected} as value marked. */
    static <T> String options(List<T> items, Function<T, String> value, Function<T, String> label, String selected) {
        StringBuilder out = new StringBuilder(items.size() * 64);
        for (T item : items) {
            String v = value.apply(item);
            out.append("<option value=\"").append(Html.escape(v)).append('"');
            if (v != null && v.equals(selected)) {
                out.append(" selected=\"selected\"");
            }
            out.append('>').append(Html.escape(label.apply(item))).append("</option>");
        }
        return out.toString();
    }

    private static String day(LocalDate date, DateTimeFormatter days) {
        return date == null ? "" : days.format(date);
    }

    private static String icon(Outcome outcome) {
        return switch (outcome) {
            case ADOPTED -> "pi-check";
            case REJECTED -> "pi-times";
            case POSTPONED -> "pi-clock";
        };
    }
}
