package de.zusammenwachsen.workspace.document.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.fork.ForkParser;
import org.apache.tika.fork.ParserFactoryFactory;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Extracts text with Apache Tika in separate JVMs (Tika's ForkParser), never in the server's own heap: a zip bomb,
 * a malformed PDF or a parser bug can exhaust only a worker process capped at {@code zw.extraction.heap.mb}, which
 * is killed after {@code zw.extraction.timeout.seconds} and replaced. The server keeps serving meanwhile.
 */
@ApplicationScoped
public class TextExtractor {

    private static final Logger LOG = Logger.getLogger(TextExtractor.class.getName());

    /** The result of one extraction; {@code truncated} when the text was cut at the configured number of characters. */
    public record Result(String text, boolean truncated, String language, long millis) {
    }

    /** Extraction failed for a reason a person can be told; {@code reason} completes a message key. */
    public static class Failure extends Exception {
        private final String reason;
        private final long millis;

        public Failure(String reason, long millis, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
            this.millis = millis;
        }

        public String reason() {
            return reason;
        }

        public long millis() {
            return millis;
        }
    }

    private ForkParser parser;

    public Result extract(Path file) throws Failure {
        long start = System.nanoTime();
        try {
            if (Files.size(file) == 0) {
                return new Result("", false, null, 0);
            }
        } catch (IOException e) {
            throw new Failure("missing", 0, e);
        }
        if (zipBomb(file)) {
            throw new Failure("tooComplex", elapsed(start), null);
        }
        int limit = DocumentSettings.extractionMaxChars();
        BoundedText text = new BoundedText(limit);
        try (InputStream in = Files.newInputStream(file)) {
            parser().parse(in, new BodyContentHandler(text), new Metadata(), new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new Failure("encrypted", elapsed(start), e);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            if (!text.reached) {
                throw new Failure(reason(e, elapsed(start)), elapsed(start), e);
            }
        }
        String content = clean(text.content.toString());
        return new Result(content, text.reached, LanguageGuess.of(content), elapsed(start));
    }

    /**
     * Office files are ZIP archives. One that declares more than a gigabyte of content, or a hundred times its own
     * size, is refused before any parser sees it: the declared sizes are read from the archive's directory, in
     * milliseconds. (A bomb that lies about its sizes still meets the worker's memory cap and Tika's own checks.)
     */
    static boolean zipBomb(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            long declared = 0;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                declared += Math.max(0, entries.nextElement().getSize());
            }
            long size = Math.max(1, Files.size(file));
            return declared > (1L << 30) || (declared > (64L << 20) && declared / size > 100);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String reason(Throwable e, long millis) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return "encrypted";
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("nested")) {
                return "tooComplex";
            }
            if (message.contains("password") || message.contains("encrypt")) {
                return "encrypted";
            }
        }
        // The parser in the worker process refused the file. Tika 3.2's ForkParser cannot hand its exception back
        // (the worker's TikaException does not deserialize on our side); only the class name in the chain above
        // tells an encrypted file, and nothing tells more than "broken".
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("unable to deserialize")) {
                return "corrupt";
            }
        }
        if (millis >= DocumentSettings.extractionTimeout().toMillis() - 1000) {
            return "timeout";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        // The worker process died under the file (out of memory, crash): the file is too much for it.
        if (message.contains("lost connection") || message.contains("forked") || e instanceof IOException) {
            LOG.log(Level.INFO, "extraction process ended abnormally", e);
            return "tooComplex";
        }
        LOG.log(Level.FINE, "extraction failed", e);
        return "corrupt";
    }

    private synchronized ForkParser parser() {
        if (parser == null) {
            Path tika = DocumentSettings.tikaDirectory();
            ForkParser fork = new ForkParser(tika,
                    new ParserFactoryFactory("org.apache.tika.parser.AutoDetectParserFactory", new HashMap<>()));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            fork.setJavaCommand(List.of(java, "-Xmx" + DocumentSettings.extractionHeapMb() + "m", "-Xss4m",
                    "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                    "-Dzw.role=text-extraction"));
            fork.setPoolSize(DocumentSettings.extractionWorkers());
            fork.setServerParseTimeoutMillis(DocumentSettings.extractionTimeout().toMillis());
            // A worker that has parsed many files is replaced, so that slow leaks in parsers cannot pile up.
            fork.setMaxFilesProcessedPerServer(2000);
            parser = fork;
        }
        return parser;
    }

    @PreDestroy
    synchronized void close() {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }

    /** Text without the NUL and other control characters that parsers emit and databases refuse. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? ' ' : c);
        }
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Collects text up to a limit, then stops the parser: the rest of a huge document is not needed. */
    private static final class BoundedText extends DefaultHandler {
        private final StringBuilder content = new StringBuilder();
        private final int limit;
        private boolean reached;

        BoundedText(int limit) {
            this.limit = limit;
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            int room = limit - content.length();
            if (length > room) {
                content.append(ch, start, Math.max(0, room));
                reached = true;
                throw new SAXException("text limit reached");
            }
            content.append(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            characters(ch, start, length);
        }
    }
}
