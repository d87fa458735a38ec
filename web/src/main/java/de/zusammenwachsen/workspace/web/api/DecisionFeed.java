package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.core.Texts;
import de.zusammenwachsen.workspace.meeting.boundary.RegisterView;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The published decisions as an Atom 1.0 feed (RFC 4287), written with StAX so that every text is escaped by the
 * XML writer and never by hand. Entry ids are tag URIs (RFC 4151) on the workspace's host, stable for as long as
 * the decision exists; an entry's time is when its minutes were approved, i.e. when it entered the register.
 */
final class DecisionFeed {

    static final String MEDIA_TYPE = "application/atom+xml";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The year the network started; part of every tag URI, so it must never change. */
    private static final String TAG_DATE = "2024";
    private static final int TITLE_LENGTH = 120;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final String baseUrl;
    private final Locale locale;

    DecisionFeed(String baseUrl, Locale locale) {
        this.baseUrl = baseUrl;
        this.locale = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
    }

    /**
     * Writes the feed; {@code self} is the feed's own address, {@code register} the register page with the same
     * filters, {@code now} the feed's time when it has no entries.
     */
    void write(List<RegisterView.Entry> entries, URI self, String register, Instant now, OutputStream out)
            throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", locale.getLanguage());
        element(xml, "id", "tag:" + host() + "," + TAG_DATE + ":decisions");
        element(xml, "title", text("decisions.feed.title"));
        element(xml, "subtitle", text("decisions.feed.subtitle"));
        element(xml, "updated", (entries.isEmpty() ? now : entries.get(0).approvedAt()).toString());
        link(xml, "self", self.toString(), MEDIA_TYPE);
        link(xml, "alternate", register, "text/html");
        xml.writeStartElement("author");
        element(xml, "name", text("app.fullName"));
        xml.writeEndElement();
        element(xml, "generator", text("app.name"));
        for (RegisterView.Entry entry : entries) {
            entry(xml, entry);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private void entry(XMLStreamWriter xml, RegisterView.Entry e) throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", "tag:" + host() + "," + TAG_DATE + ":decision-" + e.id());
        element(xml, "title", text("decisions.feed.entryTitle", text("decisions.outcome." + e.outcome().name()),
                e.group().name(), headline(e.wording())));
        element(xml, "updated", e.approvedAt().toString());
        element(xml, "published", e.approvedAt().toString());
        link(xml, "alternate", baseUrl + "/decisions.xhtml?decision=" + e.id(), "text/html");
        xml.writeStartElement("author");
        element(xml, "name", e.group().name());
        xml.writeEndElement();
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        // The meeting is named only where the register names it (to whoever may read the group's meetings).
        String context = e.meetingTitle() == null
                ? text("decisions.feed.contextDay", e.group().name(), date(e.decidedOn()))
                : text("decisions.feed.context", e.group().name(), e.meetingTitle(), date(e.decidedOn()));
        xml.writeCharacters(xmlSafe(e.wording() + "\n\n" + vote(e) + "\n" + context));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private String vote(RegisterView.Entry e) {
        String outcome = text("decisions.outcome." + e.outcome().name());
        return e.counted()
                ? text("decisions.feed.counted", outcome, e.votesFor(), e.votesAgainst(), e.abstentions())
                : text("decisions.feed.consensus", outcome);
    }

    /** The first line of the wording, shortened on a word boundary: feed readers show titles in one line. */
    static String headline(String wording) {
        String first = wording.strip().lines().findFirst().orElse("").strip();
        if (first.length() <= TITLE_LENGTH) {
            return first;
        }
        int cut = first.lastIndexOf(' ', TITLE_LENGTH - 1);
        return first.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH - 1).strip() + "…";
    }

    private String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(BERLIN).format(day);
    }

    private String host() {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "localhost" : host;
    }

    private String text(String key, Object... arguments) {
        return Texts.get(locale, key, arguments);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : xmlSafe(text));
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters, not even escaped; one in a wording must not break the feed. */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }
}
