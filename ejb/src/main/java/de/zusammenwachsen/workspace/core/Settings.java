package de.zusammenwachsen.workspace.core;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The few settings the application reads itself. A system property {@code zw.x.y} wins over the environment
 * variable {@code ZW_X_Y}, which wins over the default; so the same names work in the README, the server
 * configuration and the tests.
 */
public final class Settings {

    private Settings() {
    }

    public static String get(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase().replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** The address people reach the workspace at; used for links in e-mails. */
    public static String baseUrl() {
        String url = get("zw.base.url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static Path dataDirectory() {
        String fallback = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/zusammenwachsen";
        return Path.of(get("zw.data.dir", fallback));
    }

    public static boolean demoData() {
        return Boolean.parseBoolean(get("zw.demo", "false"));
    }

    /** How long an account is locked after repeated failed logins; tests shorten it. */
    public static Duration loginLockout() {
        return Duration.ofSeconds(Long.parseLong(get("zw.login.throttle.seconds", "900")));
    }
}
