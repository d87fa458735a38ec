package de.zusammenwachsen.workspace.e2e;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A small client for the REST API as the end-to-end tests use it: one instance per identity (guest or bearer
 * token), plain java.net.http and jakarta.json, no framework. Public so that every IT in this package can use it.
 *
 * <pre>{@code
 * ApiClient admin = ApiClient.bearer(Fixtures.adminToken());
 * ApiClient.Answer group = admin.get("/groups/" + slug);
 * assertEquals(200, group.status(), group.body());
 * }</pre>
 */
public final class ApiClient {

    /** The API's root on the test server; paths passed to the methods start with "/". */
    public static final String BASE = LandingIT.BASE + "/api/v1";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One HTTP answer: status, raw body, headers, and the body parsed as JSON on demand. */
    public record Answer(int status, String body, HttpHeaders headers) {

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        private JsonStructure parse() {
            try {
                return Json.createReader(new StringReader(body)).read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** An answer whose body is kept as bytes: file downloads. */
    public record Binary(int status, byte[] bytes, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + (bytes.length > 500 ? bytes.length + " bytes" : text());
        }
    }

    /**
     * A {@code multipart/form-data} body that is streamed, never held whole: files come from byte arrays or from
     * suppliers of streams of a known size (e.g. a generator of 100 MB that occupies no memory).
     *
     * <pre>{@code
     * api.postMultipart("/groups/" + slug + "/documents", new ApiClient.Multipart()
     *         .file("file", "Protokoll.txt", "Hallo".getBytes(UTF_8)).field("comment", "erste Fassung"));
     * }</pre>
     */
    public static final class Multipart {

        private final String boundary = "zw-" + UUID.randomUUID();
        private final List<Supplier<InputStream>> pieces = new ArrayList<>();
        private long length;

        public Multipart field(String name, String value) {
            text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        public Multipart file(String name, String fileName, byte[] content) {
            return file(name, fileName, content.length, () -> new ByteArrayInputStream(content));
        }

        /**
         * A file part; the name is sent as browsers send it (UTF-8, a quote as %22), and its bytes come from
         * {@code content}, which must supply exactly {@code size} bytes.
         */
        public Multipart file(String name, String fileName, long size, Supplier<InputStream> content) {
            String quoted = fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
            text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + quoted
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            pieces.add(content);
            length += size;
            text("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        HttpRequest.BodyPublisher publisher() {
            List<Supplier<InputStream>> all = new ArrayList<>(pieces);
            byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            all.add(() -> new ByteArrayInputStream(end));
            long total = length + end.length;
            return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                    () -> new SequenceInputStream(Collections.enumeration(all.stream().map(Supplier::get).toList()))), total);
        }

        private void text(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            pieces.add(() -> new ByteArrayInputStream(bytes));
            length += bytes.length;
        }
    }

    /** {@code size} bytes of a repeating pattern, generated while read: a large upload that takes no memory. */
    public static InputStream generated(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? (int) ('a' + left % 26) : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(count, left);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) ('a' + (left - i) % 26);
                }
                left -= n;
                return n;
            }
        };
    }

    private final String authorization;

    private ApiClient(String authorization) {
        this.authorization = authorization;
    }

    public static ApiClient guest() {
        return new ApiClient(null);
    }

    public static ApiClient bearer(String token) {
        return new ApiClient("Bearer " + token);
    }

    /** Any Authorization header, also a malformed one (for the tests of authentication itself). */
    public static ApiClient withAuthorization(String header) {
        return new ApiClient(header);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** POST without a body (join, archive, approve, …). */
    public Answer post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer post(String path, JsonObject body) {
        return postRaw(path, body.toString());
    }

    /** POST with any text as JSON body, also broken JSON. */
    public Answer postRaw(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, JsonObject body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Answer patch(String path, JsonObject body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Answer postMultipart(String path, Multipart form) {
        return send(request(path).header("Content-Type", form.contentType()).POST(form.publisher()));
    }

    /** GET with another Accept header than JSON, e.g. {@code text/plain}. */
    public Answer get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept));
    }

    /** GET of a file: the body as bytes; {@code headers} are extra request headers as name, value, name, value, … */
    public Binary download(String path, String... headers) {
        HttpRequest.Builder request = request(path).setHeader("Accept", "*/*");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", "de");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
