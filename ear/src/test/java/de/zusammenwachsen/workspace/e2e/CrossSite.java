package de.zusammenwachsen.workspace.e2e;

import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Another site, as an attacker runs it: a small web server on 127.0.0.1 (a different site from the workspace at
 * localhost) whose pages make the visiting browser navigate to a workspace link, or send a form to it. The browser
 * carries the person's session cookie wherever the browser itself would (SameSite=Lax: on a top-level GET, not on a
 * POST from elsewhere), so the tests see exactly what a real attack would do.
 */
final class CrossSite implements AutoCloseable {

    private final HttpServer server;

    CrossSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI());
            String target = query.remove("to");
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset='UTF-8'><title>Gewinnspiel</title></head><body>");
            if (exchange.getRequestURI().getPath().equals("/post")) {
                page.append("<form id='f' method='post' action='").append(attribute(target)).append("'>");
                query.forEach((name, value) -> page.append("<input type='hidden' name='").append(attribute(name))
                        .append("' value='").append(attribute(value)).append("'>"));
                page.append("</form><script>document.getElementById('f').submit();</script>");
            } else {
                page.append("<script>location.href = ").append(javaScript(target)).append(";</script>");
            }
            byte[] body = page.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The browser visits the other site, which sends it on to {@code target} (a link); returns once it is there. */
    void follow(Browser browser, String target) {
        browser.driver.get(origin() + "/go?to=" + encode(target));
        arrived(browser);
    }

    /** The browser visits the other site, which sends a form to {@code target} with these fields. */
    void post(Browser browser, String target, Map<String, String> fields) {
        StringBuilder url = new StringBuilder(origin() + "/post?to=" + encode(target));
        fields.forEach((name, value) -> url.append('&').append(encode(name)).append('=').append(encode(value)));
        browser.driver.get(url.toString());
        arrived(browser);
    }

    private static void arrived(Browser browser) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver ->
                driver.getCurrentUrl().startsWith(LandingIT.BASE)
                        && "complete".equals(browser.driver.executeScript("return document.readyState;")));
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                values.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;");
    }

    private static String javaScript(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3c") + "'";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
