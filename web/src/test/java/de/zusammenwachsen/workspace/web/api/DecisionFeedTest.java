package de.zusammenwachsen.workspace.web.api;

import de.zusammenwachsen.workspace.meeting.boundary.RegisterView;
import de.zusammenwachsen.workspace.meeting.entity.Outcome;
import de.zusammenwachsen.workspace.meeting.entity.VoteMode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionFeedTest {

    private static final String ATOM = DecisionFeed.ATOM;

    private static RegisterView.Entry entry(long id, String wording, VoteMode mode, Outcome outcome, Instant approved) {
        boolean counted = mode == VoteMode.COUNTED;
        return new RegisterView.Entry(id, wording, mode, counted ? 7 : null, counted ? 1 : null, counted ? 2 : null,
                outcome, true, LocalDate.of(2026, 3, 14), approved,
                new RegisterView.GroupRef("AG Energie & <Klima>", null), List.of(), List.of(), "Sitzung im März", null);
    }

    private static Document write(List<RegisterView.Entry> entries, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DecisionFeed("https://workspace.example.org", locale).write(entries,
                URI.create("https://workspace.example.org/api/v1/decisions/feed?outcome=ADOPTED"),
                "https://workspace.example.org/decisions.xhtml?outcome=ADOPTED", Instant.parse("2026-04-01T10:00:00Z"), out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void writesAnAtomFeedWithStableTagIdsAndTheGroupAsAuthor() throws Exception {
        Instant newest = Instant.parse("2026-03-20T18:30:00Z");
        Document feed = write(List.of(
                entry(42, "Wir beantragen Fördermittel für <Lastenräder> & Ladesäulen.\nZweite Zeile.", VoteMode.COUNTED,
                        Outcome.ADOPTED, newest),
                entry(41, "Der Dorfladen wird im Konsens weiter unterstützt.", VoteMode.CONSENSUS, Outcome.POSTPONED,
                        Instant.parse("2026-03-19T08:00:00Z"))), Locale.GERMAN);
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertEquals("tag:workspace.example.org,2024:decisions", child(root, "id"));
        assertEquals(newest.toString(), ((Element) root.getElementsByTagNameNS(ATOM, "updated").item(0)).getTextContent());
        NodeList links = root.getElementsByTagNameNS(ATOM, "link");
        Element self = (Element) links.item(0);
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("https://workspace.example.org/api/v1/decisions/feed?outcome=ADOPTED", self.getAttribute("href"));

        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(2, entries.getLength());
        Element first = (Element) entries.item(0);
        assertEquals("tag:workspace.example.org,2024:decision-42", child(first, "id"));
        assertEquals("Angenommen: Wir beantragen Fördermittel für <Lastenräder> & Ladesäulen. (AG Energie & <Klima>)",
                child(first, "title"));
        assertEquals("AG Energie & <Klima>", child((Element) first.getElementsByTagNameNS(ATOM, "author").item(0), "name"));
        Element link = (Element) first.getElementsByTagNameNS(ATOM, "link").item(0);
        assertEquals("https://workspace.example.org/decisions.xhtml?decision=42", link.getAttribute("href"));
        Element content = (Element) first.getElementsByTagNameNS(ATOM, "content").item(0);
        assertEquals("text", content.getAttribute("type"));
        assertTrue(content.getTextContent().startsWith("Wir beantragen Fördermittel für <Lastenräder> & Ladesäulen.\nZweite Zeile."),
                content.getTextContent());
        assertTrue(content.getTextContent().contains("7 dafür, 1 dagegen, 2 Enthaltungen"), content.getTextContent());
        assertTrue(((Element) entries.item(1)).getElementsByTagNameNS(ATOM, "content").item(0).getTextContent()
                .contains("Im Konsens"));
    }

    /** An entry whose meeting the register leaves out (a private or hidden group's) names no meeting in the feed. */
    @Test
    void anEntryWithoutItsMeetingNamesTheDayOnly() throws Exception {
        RegisterView.Entry e = new RegisterView.Entry(9L, "Wir pflanzen 100 Bäume.", VoteMode.CONSENSUS, null, null,
                null, Outcome.ADOPTED, true, LocalDate.of(2026, 3, 14), Instant.parse("2026-03-20T18:30:00Z"),
                new RegisterView.GroupRef("eine Arbeitsgruppe des Netzwerks", null), List.of(), List.of(), null, null);
        Element entry = (Element) write(List.of(e), Locale.GERMAN).getDocumentElement()
                .getElementsByTagNameNS(ATOM, "entry").item(0);
        String content = child(entry, "content");
        assertTrue(content.endsWith("Arbeitsgruppe: eine Arbeitsgruppe des Netzwerks · beschlossen am 14.03.2026"), content);
        assertFalse(content.contains("Sitzung") || content.contains("null"), content);
        assertEquals("eine Arbeitsgruppe des Netzwerks",
                child((Element) entry.getElementsByTagNameNS(ATOM, "author").item(0), "name"));
    }

    @Test
    void anEmptyFeedIsStillValidAndEnglishWhenAskedFor() throws Exception {
        Element root = write(List.of(), Locale.ENGLISH).getDocumentElement();
        assertEquals("2026-04-01T10:00:00Z", child(root, "updated"));
        assertEquals("Published decisions – ZusammenWachsen", child(root, "title"));
        assertEquals(0, root.getElementsByTagNameNS(ATOM, "entry").getLength());
    }

    @Test
    void controlCharactersCannotBreakTheXml() throws Exception {
        Element root = write(List.of(entry(1, "Vor\u0001her\u0000 nachher", VoteMode.CONSENSUS, Outcome.REJECTED,
                Instant.parse("2026-03-20T18:30:00Z"))), Locale.GERMAN).getDocumentElement();
        String content = root.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent();
        assertTrue(content.startsWith("Vor\uFFFDher\uFFFD nachher"), content);
    }

    @Test
    void longFirstLinesAreShortenedOnAWordBoundary() {
        String wording = "Die Arbeitsgruppe beschließt ".repeat(10);
        String headline = DecisionFeed.headline(wording);
        assertTrue(headline.length() <= 121, headline);
        assertTrue(headline.endsWith("…"), headline);
        assertFalse(headline.contains("beschl…"), headline);
        assertEquals("Kurz", DecisionFeed.headline("  Kurz\nund mehr"));
    }
}
