package de.zusammenwachsen.workspace.e2e;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text extraction of real files end to end: each law of the corpus as PDF, DOCX and ODT, and the formats the corpus
 * lacks (spreadsheets, presentations, RTF, plain text, Markdown, HTML) generated here, go through the REST upload;
 * the background extraction must finish each as DONE, in German, with a known sentence of its text.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExtractionIT {

    /** The shared corpus (see {@link Corpus}). */
    static final Path CORPUS = Corpus.root();

    /**
     * A sentence of each corpus file, checked against its Markdown source and against Tika's output: whole
     * sentences from the first pages (the extraction may stop at its character limit), none broken by a hyphen at
     * a line end in the PDFs.
     */
    static final Map<String, String> SENTENCES = Map.ofEntries(
            entry("aeg.odt", "Über den Ausgleich entscheidet die von der Landesregierung bestimmte Behörde."),
            entry("bafoeg.pdf", "Maßgebend für die Zuordnung sind Art und Inhalt der Ausbildung."),
            entry("bbaug.pdf", "Hierzu soll die städtebauliche Entwicklung vorrangig durch Maßnahmen der Innenentwicklung erfolgen."),
            entry("bbig_2005.docx", "Die berufliche Umschulung soll zu einer anderen beruflichen Tätigkeit befähigen."),
            entry("bdsg_2018.pdf", "Regeln sie einen Sachverhalt, für den dieses Gesetz gilt, nicht oder nicht abschließend, finden die Vorschriften dieses Gesetzes Anwendung."),
            entry("bfdg.docx", "Der Bundesfreiwilligendienst fördert das lebenslange Lernen."),
            entry("bimschg.docx", "Der angemessene Sicherheitsabstand ist anhand störfallspezifischer Faktoren zu ermitteln."),
            entry("bjagdg.odt", "Als selbständiges dingliches Recht kann es nicht begründet werden."),
            entry("bnatschg_2009.odt", "Bestandteil freiwilliger Vereinbarungen nach Satz 1 können auch finanzielle Anreize durch Förderung oder Ausgleich sein."),
            entry("bwaldg.docx", "Waldbesitzer im Sinne dieses Gesetzes sind der Waldeigentümer und der Nutzungsberechtigte, sofern dieser unmittelbarer Besitzer des Waldes ist."),
            entry("eeg_2014.pdf", "Strom aus erneuerbaren Energien und aus Grubengas soll in das Elektrizitätsversorgungssystem integriert werden."),
            entry("enwg_2005.docx", "Die Höhe der Preise für Elektrizität am Großhandelsmarkt wird regulatorisch nicht beschränkt."),
            entry("geg.docx", "Der Energieeinsatz für Produktionsprozesse in Gebäuden ist nicht Gegenstand dieses Gesetzes."),
            entry("gg.odt", "Jeder hat das Recht auf Leben und körperliche Unversehrtheit."),
            entry("invkg.odt", "Sie können im Einvernehmen mit dem Bundesministerium für Wirtschaft und Energie weiterentwickelt und an die Strukturentwicklung der Reviere angepasst werden."),
            entry("jfdg.odt", "Die Förderung dient dazu, die Härten und Nachteile zu beseitigen, die mit der Ableistung des Jugendfreiwilligendienstes im Sinne dieses Gesetzes verbunden sind."),
            entry("krwg.pdf", "Abfälle zur Verwertung sind Abfälle, die verwertet werden; Abfälle, die nicht verwertet werden, sind Abfälle zur Beseitigung."),
            entry("kvbg.docx", "Es regelt die schrittweise und möglichst stetige Reduzierung und Beendigung der Erzeugung elektrischer Energie durch den Einsatz von Kohle in Deutschland."),
            entry("kwkg_2016.pdf", "Die Durchführung dieser Ausschreibungen erfolgt nach Maßgabe einer Rechtsverordnung nach § 33a Absatz 2 bis 5."),
            entry("pbefg.docx", "Bei Anwendung dieses Gesetzes sind die Ziele des Klimaschutzes und der Nachhaltigkeit zu berücksichtigen."),
            entry("rog_2008.docx", "Ziele und Grundsätze der Raumordnung sind als solche zu kennzeichnen."),
            entry("sgb_8.pdf", "Die Jugendhilfe umfasst Leistungen und andere Aufgaben zugunsten junger Menschen und Familien."),
            entry("stromstg.odt", "Steuergebiet ist das Gebiet der Bundesrepublik Deutschland ohne das Gebiet von Büsingen und ohne die Insel Helgoland."),
            entry("tierschg.odt", "Zweck dieses Gesetzes ist es, aus der Verantwortung des Menschen für das Tier als Mitgeschöpf dessen Leben und Wohlbefinden zu schützen."),
            entry("uvpg.odt", "Sonstige Rechtsvorschriften, die das Zulassungsverfahren betreffen, bleiben unberührt."),
            entry("vereinsg.pdf", "Gegen Vereine, die die Vereinsfreiheit mißbrauchen, kann zur Wahrung der öffentlichen Sicherheit oder Ordnung nur nach Maßgabe dieses Gesetzes eingeschritten werden."),
            entry("whg_2009.pdf", "Die für die Bewirtschaftung der Küstengewässer geltenden Vorschriften bleiben unberührt."));

    /** The text of every generated file: German, long enough for the language to be told. */
    static final List<String> PARAGRAPHS = List.of(
            "Im Bundesfreiwilligendienst engagieren sich Frauen und Männer für das Allgemeinwohl.",
            "Der Kohleausstieg verändert die Dörfer im Revier, und die Menschen gestalten den Wandel gemeinsam.",
            "Die Arbeitsgruppe trifft sich jeden zweiten Donnerstag im Bürgerhaus von Zeitz.");

    static final String TITLE = "Überschrift der Folie: Strukturwandel";

    /** A generated file: its name, bytes, and the start of the type the server must sniff from the bytes. */
    private record Generated(String name, byte[] content, String mediaType) {
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.workspace();
    }

    @Test
    void everyCorpusFileIsExtractedWithAKnownSentenceOfItsLaw() throws IOException {
        Path binary = CORPUS.resolve("binary");
        List<Path> files;
        try (Stream<Path> list = Files.list(binary)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(new TreeSet<>(SENTENCES.keySet()),
                new TreeSet<>(files.stream().map(f -> f.getFileName().toString()).toList()),
                "every file of " + binary + " needs a known sentence here");

        ApiClient api = Fixtures.admin();
        String slug = Fixtures.createGroup("PRIVATE", "INVITATION").getString("slug");
        List<Extractions.Upload> uploads = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            uploads.add(Extractions.upload(api, slug, name, name, read(file)));
        }
        Map<Extractions.Upload, Extractions.Outcome> outcomes = Extractions.await(api, uploads, Duration.ofMinutes(3));
        Extractions.report("Extraction of the corpus (" + binary + ")", outcomes);

        assertAll(outcomes.values().stream().map(outcome -> (Executable) () -> {
            Extractions.Upload upload = outcome.upload();
            assertEquals("DONE", outcome.state(), outcome.toString());
            assertTrue(outcome.chars() > 0, outcome.toString());
            assertEquals("de", outcome.language(), outcome.toString());
            String text = Extractions.normalised(Extractions.text(api, upload));
            assertTrue(text.contains(SENTENCES.get(upload.label())),
                    upload.label() + ": the extracted text lacks \"" + SENTENCES.get(upload.label()) + "\"");
        }));
    }

    @Test
    void formatsTheCorpusLacksAreExtractedToo() {
        List<Generated> generated = List.of(
                new Generated("Maßnahmenplan.xlsx", OfficeFiles.xlsx(PARAGRAPHS),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                new Generated("Maßnahmenplan.ods", OfficeFiles.ods(PARAGRAPHS), "application/vnd.oasis.opendocument.spreadsheet"),
                new Generated("Vortrag.pptx", OfficeFiles.pptx(TITLE, PARAGRAPHS),
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                new Generated("Vortrag.odp", OfficeFiles.odp(TITLE, PARAGRAPHS), "application/vnd.oasis.opendocument.presentation"),
                new Generated("Brief.rtf", OfficeFiles.rtf(PARAGRAPHS), "application/rtf"),
                new Generated("Notiz.txt", OfficeFiles.text(PARAGRAPHS), "text/plain"),
                new Generated("Protokoll.md", OfficeFiles.markdown("Protokoll", PARAGRAPHS), "text/"),
                new Generated("Einladung.html", OfficeFiles.html("Einladung", PARAGRAPHS), "text/html"));

        ApiClient api = Fixtures.admin();
        String slug = Fixtures.createGroup("PRIVATE", "INVITATION").getString("slug");
        List<Extractions.Upload> uploads = new ArrayList<>();
        for (Generated file : generated) {
            uploads.add(Extractions.upload(api, slug, file.name(), file.name(), file.content()));
        }
        Map<Extractions.Upload, Extractions.Outcome> outcomes = Extractions.await(api, uploads, Duration.ofMinutes(2));
        Extractions.report("Extraction of generated formats", outcomes);

        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            Generated file = generated.get(i);
            Extractions.Outcome outcome = outcomes.get(uploads.get(i));
            checks.add(() -> {
                assertTrue(String.valueOf(outcome.mediaType()).startsWith(file.mediaType()),
                        file.name() + " sniffed as " + outcome.mediaType());
                assertEquals("DONE", outcome.state(), outcome.toString());
                assertTrue(outcome.chars() > 0, outcome.toString());
                assertEquals("de", outcome.language(), outcome.toString());
                String text = Extractions.normalised(Extractions.text(api, outcome.upload()));
                for (String paragraph : PARAGRAPHS) {
                    assertTrue(text.contains(paragraph), file.name() + ": the extracted text lacks \"" + paragraph
                            + "\" in: " + text);
                }
            });
        }
        assertAll(checks);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
