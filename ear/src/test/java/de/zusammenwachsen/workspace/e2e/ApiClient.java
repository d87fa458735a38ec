package de.zusammenwachsen.workspace.e2e;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
