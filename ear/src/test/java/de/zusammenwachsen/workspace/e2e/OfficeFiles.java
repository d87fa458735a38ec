package de.zusammenwachsen.workspace.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The smallest valid files of the formats the corpus lacks (spreadsheets, presentations, RTF, Markdown, HTML), made
 * in the test because there is no office suite on the build machine: OOXML and ODF files are ZIP archives of a few
 * XML parts, written here by hand. Each file carries the given German paragraphs as its text, so that extraction and
 * language detection can be checked; the paragraphs must be plain text (they are escaped here).
 */
final class OfficeFiles {

    static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String PRESENTATION_NS = "http://schemas.openxmlformats.org/presentationml/2006/main";

    private static final String EMPTY_GROUP = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
            + "<p:grpSpPr/>";

    private static final String THEME = "<a:theme xmlns:a=\"" + DRAWING_NS + "\" name=\"Revier\"><a:themeElements>"
            + "<a:clrScheme name=\"Revier\">"
            + "<a:dk1><a:srgbClr val=\"000000\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
            + "<a:dk2><a:srgbClr val=\"1F3A5F\"/></a:dk2><a:lt2><a:srgbClr val=\"EEEEEE\"/></a:lt2>"
            + "<a:accent1><a:srgbClr val=\"2E7D32\"/></a:accent1><a:accent2><a:srgbClr val=\"F9A825\"/></a:accent2>"
            + "<a:accent3><a:srgbClr val=\"6D4C41\"/></a:accent3><a:accent4><a:srgbClr val=\"1565C0\"/></a:accent4>"
            + "<a:accent5><a:srgbClr val=\"C62828\"/></a:accent5><a:accent6><a:srgbClr val=\"00838F\"/></a:accent6>"
            + "<a:hlink><a:srgbClr val=\"0645AD\"/></a:hlink><a:folHlink><a:srgbClr val=\"0B0080\"/></a:folHlink>"
            + "</a:clrScheme>"
            + "<a:fontScheme name=\"Revier\"><a:majorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
            + "</a:majorFont><a:minorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont>"
            + "</a:fontScheme>"
            + "<a:fmtScheme name=\"Revier\"><a:fillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
            + "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
            + "</a:fillStyleLst><a:lnStyleLst><a:ln w=\"9525\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
            + "<a:ln w=\"25400\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
            + "<a:ln w=\"38100\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln></a:lnStyleLst>"
            + "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>"
            + "<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>"
            + "<a:bgFillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
            + "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
            + "</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>";

    private OfficeFiles() {
    }

    static byte[] text(List<String> paragraphs) {
        return utf8(String.join("\n\n", paragraphs) + "\n");
    }

    static byte[] markdown(String heading, List<String> paragraphs) {
        return utf8("# " + heading + "\n\n" + paragraphs.stream().map(p -> "- " + p).collect(Collectors.joining("\n"))
                + "\n\n*Stand: Sitzung der Arbeitsgruppe*\n");
    }

    static byte[] html(String heading, List<String> paragraphs) {
        return utf8("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + xml(heading)
                + "</title></head>\n<body><h1>" + xml(heading) + "</h1>\n"
                + paragraphs.stream().map(p -> "<p>" + xml(p) + "</p>").collect(Collectors.joining("\n"))
                + "\n</body></html>\n");
    }

    /** RTF is 7-bit: umlauts go out as Unicode escapes with a "?" fallback for old readers. */
    static byte[] rtf(List<String> paragraphs) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1{\\fonttbl{\\f0\\fswiss Arial;}}\n\\f0\\fs22 ");
        for (String paragraph : paragraphs) {
            paragraph.codePoints().forEach(cp -> {
                if (cp == '\\' || cp == '{' || cp == '}') {
                    rtf.append('\\').appendCodePoint(cp);
                } else if (cp < 128) {
                    rtf.appendCodePoint(cp);
                } else {
                    rtf.append("\\u").append((short) cp).append('?');
                }
            });
            rtf.append("\\par\n");
        }
        return rtf.append("}\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] docx(List<String> paragraphs) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>"));
        parts.put("_rels/.rels", rootRelationship("word/document.xml"));
        parts.put("word/document.xml", utf8(XML + "<w:document xmlns:w=\"" + WORD_NS + "\"><w:body>"
                + paragraphs.stream().map(p -> "<w:p><w:r><w:t xml:space=\"preserve\">" + xml(p) + "</w:t></w:r></w:p>")
                .collect(Collectors.joining())
                + "</w:body></w:document>"));
        return zip(parts, false);
    }

    /** One sheet, column A a label, column B the paragraph, as inline strings (no shared-strings part needed). */
    static byte[] xlsx(List<String> paragraphs) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>"));
        parts.put("_rels/.rels", rootRelationship("xl/workbook.xml"));
        parts.put("xl/workbook.xml", utf8(XML + "<workbook xmlns=\"" + SHEET_NS + "\" xmlns:r=\"" + REL_NS + "\">"
                + "<sheets><sheet name=\"Maßnahmen\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", relationships(
                relationship("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
                        "worksheets/sheet1.xml")));
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < paragraphs.size(); i++) {
            int row = i + 1;
            rows.append("<row r=\"").append(row).append("\">")
                    .append("<c r=\"A").append(row).append("\" t=\"inlineStr\"><is><t>Punkt ").append(row).append("</t></is></c>")
                    .append("<c r=\"B").append(row).append("\" t=\"inlineStr\"><is><t>").append(xml(paragraphs.get(i)))
                    .append("</t></is></c>")
                    .append("<c r=\"C").append(row).append("\"><v>").append(row * 1000).append("</v></c></row>");
        }
        parts.put("xl/worksheets/sheet1.xml", utf8(XML + "<worksheet xmlns=\"" + SHEET_NS + "\"><sheetData>" + rows
                + "</sheetData></worksheet>"));
        return zip(parts, false);
    }

    /**
     * One slide with a title and the paragraphs in a text box. A presentation reader insists on the chain slide →
     * layout → master → theme, so those parts are here too, as small as they may be.
     */
    static byte[] pptx(String title, List<String> paragraphs) {
        String pml = "application/vnd.openxmlformats-officedocument.presentationml.";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8(XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/ppt/presentation.xml\" ContentType=\"" + pml + "presentation.main+xml\"/>"
                + "<Override PartName=\"/ppt/slides/slide1.xml\" ContentType=\"" + pml + "slide+xml\"/>"
                + "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"" + pml + "slideLayout+xml\"/>"
                + "<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"" + pml + "slideMaster+xml\"/>"
                + "<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
                + "</Types>"));
        parts.put("_rels/.rels", rootRelationship("ppt/presentation.xml"));
        parts.put("ppt/presentation.xml", utf8(XML + "<p:presentation xmlns:a=\"" + DRAWING_NS + "\" xmlns:r=\"" + REL_NS
                + "\" xmlns:p=\"" + PRESENTATION_NS + "\">"
                + "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
                + "<p:sldIdLst><p:sldId id=\"256\" r:id=\"rId2\"/></p:sldIdLst>"
                + "<p:sldSz cx=\"9144000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
                + "</p:presentation>"));
        parts.put("ppt/_rels/presentation.xml.rels", relationships(
                relationship("rId1", rel + "slideMaster", "slideMasters/slideMaster1.xml"),
                relationship("rId2", rel + "slide", "slides/slide1.xml"),
                relationship("rId3", rel + "theme", "theme/theme1.xml")));
        parts.put("ppt/slides/slide1.xml", utf8(XML + "<p:sld xmlns:a=\"" + DRAWING_NS + "\" xmlns:r=\"" + REL_NS
                + "\" xmlns:p=\"" + PRESENTATION_NS + "\"><p:cSld><p:spTree>" + EMPTY_GROUP
                + textShape(2, "Titel", "<p:nvPr><p:ph type=\"title\"/></p:nvPr>", List.of(title))
                + textShape(3, "Inhalt", "<p:nvPr/>", paragraphs)
                + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"));
        parts.put("ppt/slides/_rels/slide1.xml.rels", relationships(
                relationship("rId1", rel + "slideLayout", "../slideLayouts/slideLayout1.xml")));
        parts.put("ppt/slideLayouts/slideLayout1.xml", utf8(XML + "<p:sldLayout xmlns:a=\"" + DRAWING_NS + "\" xmlns:r=\""
                + REL_NS + "\" xmlns:p=\"" + PRESENTATION_NS + "\" type=\"blank\"><p:cSld name=\"Leer\"><p:spTree>"
                + EMPTY_GROUP + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"));
        parts.put("ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships(
                relationship("rId1", rel + "slideMaster", "../slideMasters/slideMaster1.xml")));
        parts.put("ppt/slideMasters/slideMaster1.xml", utf8(XML + "<p:sldMaster xmlns:a=\"" + DRAWING_NS + "\" xmlns:r=\""
                + REL_NS + "\" xmlns:p=\"" + PRESENTATION_NS + "\"><p:cSld><p:spTree>" + EMPTY_GROUP + "</p:spTree></p:cSld>"
                + "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\""
                + " accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\""
                + " folHlink=\"folHlink\"/>"
                + "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst></p:sldMaster>"));
        parts.put("ppt/slideMasters/_rels/slideMaster1.xml.rels", relationships(
                relationship("rId1", rel + "slideLayout", "../slideLayouts/slideLayout1.xml"),
                relationship("rId2", rel + "theme", "../theme/theme1.xml")));
        parts.put("ppt/theme/theme1.xml", utf8(XML + THEME));
        return zip(parts, false);
    }

    static byte[] odt(List<String> paragraphs) {
        return odf("application/vnd.oasis.opendocument.text", "<office:text>"
                + paragraphs.stream().map(p -> "<text:p>" + xml(p) + "</text:p>").collect(Collectors.joining())
                + "</office:text>");
    }

    static byte[] ods(List<String> paragraphs) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < paragraphs.size(); i++) {
            rows.append("<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Punkt ").append(i + 1)
                    .append("</text:p></table:table-cell><table:table-cell office:value-type=\"string\"><text:p>")
                    .append(xml(paragraphs.get(i))).append("</text:p></table:table-cell>")
                    .append("<table:table-cell office:value-type=\"float\" office:value=\"").append((i + 1) * 1000)
                    .append("\"><text:p>").append((i + 1) * 1000).append("</text:p></table:table-cell></table:table-row>");
        }
        return odf("application/vnd.oasis.opendocument.spreadsheet", "<office:spreadsheet><table:table table:name=\"Maßnahmen\">"
                + "<table:table-column table:number-columns-repeated=\"3\"/>" + rows + "</table:table></office:spreadsheet>");
    }

    static byte[] odp(String title, List<String> paragraphs) {
        return odf("application/vnd.oasis.opendocument.presentation", "<office:presentation>"
                + "<draw:page draw:name=\"Folie 1\" draw:master-page-name=\"Standard\">"
                + "<draw:frame svg:x=\"1cm\" svg:y=\"1cm\" svg:width=\"25cm\" svg:height=\"3cm\"><draw:text-box><text:p>"
                + xml(title) + "</text:p></draw:text-box></draw:frame>"
                + "<draw:frame svg:x=\"1cm\" svg:y=\"5cm\" svg:width=\"25cm\" svg:height=\"12cm\"><draw:text-box>"
                + paragraphs.stream().map(p -> "<text:p>" + xml(p) + "</text:p>").collect(Collectors.joining())
                + "</draw:text-box></draw:frame></draw:page></office:presentation>");
    }

    /** Also used for the zip bomb: parts in order, ODF's "mimetype" stored uncompressed first as the format asks. */
    static byte[] zip(Map<String, byte[]> parts, boolean storeFirst) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            boolean first = true;
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                if (first && storeFirst) {
                    CRC32 crc = new CRC32();
                    crc.update(part.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(part.getValue().length);
                    entry.setCompressedSize(part.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                first = false;
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String textShape(int id, String name, String nvPr, List<String> paragraphs) {
        return "<p:sp><p:nvSpPr><p:cNvPr id=\"" + id + "\" name=\"" + name + "\"/><p:cNvSpPr txBox=\"1\"/>" + nvPr
                + "</p:nvSpPr><p:spPr><a:xfrm><a:off x=\"457200\" y=\"" + (id * 1000000) + "\"/>"
                + "<a:ext cx=\"8229600\" cy=\"1000000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
                + "<p:txBody><a:bodyPr/><a:lstStyle/>"
                + paragraphs.stream().map(p -> "<a:p><a:r><a:rPr lang=\"de-DE\"/><a:t>" + xml(p) + "</a:t></a:r></a:p>")
                .collect(Collectors.joining())
                + "</p:txBody></p:sp>";
    }

    private static byte[] odf(String mimeType, String body) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("mimetype", mimeType.getBytes(StandardCharsets.US_ASCII));
        parts.put("META-INF/manifest.xml", utf8(XML + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
                + " manifest:media-type=\"" + mimeType + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>"));
        parts.put("content.xml", utf8(XML + "<office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
                + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
                + " office:version=\"1.2\"><office:body>" + body + "</office:body></office:document-content>"));
        return zip(parts, true);
    }

    private static byte[] rootRelationship(String target) {
        return relationships(relationship("rId1",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", target));
    }

    private static String relationship(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
    }

    private static byte[] relationships(String... relationships) {
        return utf8(XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + String.join("", relationships) + "</Relationships>");
    }
}
