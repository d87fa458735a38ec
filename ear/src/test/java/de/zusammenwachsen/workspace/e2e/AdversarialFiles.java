package de.zusammenwachsen.workspace.e2e;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile and broken files, generated because they must not lie around in a repository (and some are too big to):
 * the kinds a careless or malicious member could upload, each aimed at one weakness of a text extractor or a file
 * server. Everything is made in memory and deterministically.
 */
final class AdversarialFiles {

    /** German text that the well-formed parts of the hostile files carry. */
    static final String SENTENCE = "Der Strukturwandel im Mitteldeutschen Revier braucht eine engagierte Zivilgesellschaft.";

    private AdversarialFiles() {
    }

    /**
     * A DOCX whose document.xml inflates to more than {@code expandedBytes} (over 1 GB for the test) of repeated
     * paragraphs, some 300 times its compressed size (1.1 GB from 3.8 MB): whoever reads the XML into memory or
     * writes all of its text out runs out of memory or time. Takes about 5 s to make.
     */
    static byte[] zipBombDocx(long expandedBytes) {
        byte[] unit = OfficeFiles.utf8("<w:p><w:r><w:t>" + SENTENCE + "</w:t></w:r></w:p>");
        byte[] block = new byte[unit.length * 4096];
        for (int i = 0; i < 4096; i++) {
            System.arraycopy(unit, 0, block, i * unit.length, unit.length);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(OfficeFiles.utf8(OfficeFiles.XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>"));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(OfficeFiles.utf8(OfficeFiles.XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                    + " Target=\"word/document.xml\"/></Relationships>"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(OfficeFiles.utf8(OfficeFiles.XML + "<w:document xmlns:w=\"" + OfficeFiles.WORD_NS + "\"><w:body>"));
            for (long written = 0; written < expandedBytes; written += block.length) {
                zip.write(block);
            }
            zip.write(OfficeFiles.utf8("</w:body></w:document>"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A ZIP in a ZIP in a ZIP … {@code depth} levels deep, with a text file at the bottom: an extractor that opens
     * embedded archives recursively without a limit overflows its stack. The entries are stored, not compressed,
     * so the file grows by about 120 bytes per level (some 1.2 MB for 10,000 levels).
     */
    static byte[] nestedZip(int depth) {
        byte[] inner = zipOfOne("ebene-" + depth + ".txt", OfficeFiles.utf8(SENTENCE + "\n"));
        for (int level = depth - 1; level >= 1; level--) {
            inner = zipOfOne("ebene-" + level + ".zip", inner);
        }
        return inner;
    }

    /** A PDF with a page of text that opens only with a user password (AES-256). */
    static byte[] encryptedPdf() {
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(textPage(pdf, SENTENCE));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("Eigentuemer-Passwort", "Nutzer-Passwort",
                    new AccessPermission());
            policy.setEncryptionKeyLength(256);
            pdf.protect(policy);
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A readable PDF with text, for the corrupt variants and as the baseline they are compared with. */
    static byte[] textPdf(String text) {
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(textPage(pdf, text));
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF of one page per text whose OpenAction runs {@code script} as soon as a viewer opens it: what a member
     * would upload to make every colleague's browser do something when they look at the preview.
     */
    static byte[] pdfWithScript(String script, String... pageTexts) {
        try (PDDocument pdf = new PDDocument()) {
            for (String text : pageTexts) {
                pdf.addPage(textPage(pdf, text));
            }
            pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript(script));
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code percent} of a real PDF: the cross-reference table and trailer are gone. */
    static byte[] truncatedPdf(int percent) {
        byte[] pdf = textPdf(SENTENCE);
        return Arrays.copyOf(pdf, pdf.length * percent / 100);
    }

    /** A PDF header followed by 64 KB of noise. */
    static byte[] garbagePdf() {
        byte[] noise = new byte[64 * 1024];
        new Random(20380101L).nextBytes(noise);
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nstream\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] pdf = Arrays.copyOf(header, header.length + noise.length);
        System.arraycopy(noise, 0, pdf, header.length, noise.length);
        return pdf;
    }

    /**
     * A scan: a page that is one picture (stripes, as a scanned page of lines looks from afar) and no text at all.
     * Drawn pixel by pixel, so no fonts are needed on a headless build machine.
     */
    static byte[] imageOnlyPdf() {
        BufferedImage scan = new BufferedImage(620, 877, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < scan.getHeight(); y++) {
            boolean line = y > 60 && y < 820 && y % 24 < 10;
            for (int x = 0; x < scan.getWidth(); x++) {
                boolean ink = line && x > 50 && x < 570 && (x / 37) % 5 != 4;
                scan.setRGB(x, y, ink ? 0x202020 : 0xF4F4F4);
            }
        }
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(pdf, scan);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A web page with script, to be uploaded under a name ending in ".pdf". */
    static byte[] htmlPage() {
        return OfficeFiles.utf8("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Rechnung</title>"
                + "<script>document.title = 'gekapert: ' + document.cookie;</script></head>\n"
                + "<body><h1>Rechnung</h1><p>" + SENTENCE + "</p>"
                + "<img src=\"x\" onerror=\"alert(document.domain)\"></body></html>\n");
    }

    /** An SVG drawing with script in it: renders as a page of its own when a browser opens it on our origin. */
    static byte[] svgWithScript() {
        return OfficeFiles.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
                + "<script type=\"text/javascript\">alert(document.cookie)</script>"
                + "<text x=\"10\" y=\"50\">" + "Revier" + "</text></svg>\n");
    }

    /** A file name that tries to climb out of any directory it is stored in. */
    static final String TRAVERSAL_NAME = "../../etc/passwd";

    /**
     * Every C0 control character and a right-to-left override, which makes "Sitzung‮fdp.txt" look like
     * "Sitzungtxt.pdf" in a file manager.
     */
    static String controlCharacterName() {
        StringBuilder name = new StringBuilder("Sitzung");
        for (char c = 0; c < 0x20; c++) {
            name.append(c);
        }
        return name.append("\u202Efdp.txt").toString();
    }

    /** A name of exactly {@code length} characters (with umlauts) ending in ".txt". */
    static String longName(int length) {
        StringBuilder stem = new StringBuilder();
        while (stem.length() < length) {
            stem.append("Förderantrag Strukturwandel Mansfeld-Südharz ");
        }
        return stem.substring(0, length - 4) + ".txt";
    }

    private static PDPage textPage(PDDocument pdf, String text) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(50, 780);
            content.showText(text);
            content.endText();
        }
        return page;
    }

    private static byte[] save(PDDocument pdf) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pdf.save(bytes);
        return bytes.toByteArray();
    }

    /** A ZIP archive of one stored entry, written by hand: ZipOutputStream would copy {@code content} again. */
    private static byte[] zipOfOne(String name, byte[] content) {
        byte[] fileName = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        int crc32 = (int) crc.getValue();
        int local = 30 + fileName.length;
        int central = 46 + fileName.length;
        ByteBuffer zip = ByteBuffer.allocate(local + content.length + central + 22).order(ByteOrder.LITTLE_ENDIAN);
        // local file header: version 1.0, no flags, stored, no time
        zip.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(crc32).putInt(content.length).putInt(content.length)
                .putShort((short) fileName.length).putShort((short) 0).put(fileName).put(content);
        // central directory entry pointing at offset 0
        zip.putInt(0x02014b50).putShort((short) 10).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(crc32).putInt(content.length).putInt(content.length)
                .putShort((short) fileName.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putInt(0).putInt(0).put(fileName);
        // end of central directory
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(central).putInt(local + content.length).putShort((short) 0);
        return zip.array();
    }
}
