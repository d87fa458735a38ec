package de.zusammenwachsen.workspace.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database of the forked server's own on the server of the build's database, named
 * {@code <build database>_fork_<server>} (e.g. {@code zw_ci_42_fork_crash_server}): the crash tests kill their server
 * and must not disturb the Arquillian server's data, and a fresh database gives them the first start they expect.
 * The name is the same on every run of a build database, so that {@link #create} also replaces what a run that was
 * itself killed left behind. It is created and dropped over JDBC, connected to the database {@code postgres} as
 * the build's user (who needs the CREATEDB privilege), and the forked server gets it as {@code ZW_DB_*}.
 */
final class PostgresForkDatabase implements ForkDatabase {

    static final String URL_PREFIX = "jdbc:postgresql:";
    /** jdbc:postgresql://host:port/database?parameters or jdbc:postgresql:database?parameters */
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql:(?://[^/?]*/?)?)([^?]*)(\\?.*)?");
    /** PostgreSQL cuts identifiers longer than this (NAMEDATALEN - 1). */
    private static final int MAX_NAME = 63;

    private final String url;
    private final String adminUrl;
    private final String name;
    private final String user;
    private final String password;

    private PostgresForkDatabase(String prefix, String name, String parameters, String user, String password) {
        this.url = prefix + name + parameters;
        this.adminUrl = prefix + "postgres" + parameters;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /**
     * The fork database for server {@code server} next to the build's database {@code buildUrl}. Without user or
     * password the forked server falls back to the datasource's defaults, as the Arquillian server does.
     */
    static PostgresForkDatabase nextTo(String buildUrl, String user, String password, String server) {
        Matcher matcher = URL.matcher(buildUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + buildUrl);
        }
        String prefix = matcher.group(1);
        if (!prefix.endsWith("/") && !prefix.endsWith(":")) {
            prefix += "/"; // jdbc:postgresql://host:port without a database: PostgreSQL's default is the user's name
        }
        String buildDatabase = matcher.group(2).isEmpty() ? user : matcher.group(2);
        String name = buildDatabase + "_fork_" + server.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME - 9) + "_" + String.format("%08x", name.hashCode());
        }
        return new PostgresForkDatabase(prefix, name, matcher.group(3) == null ? "" : matcher.group(3), user, password);
    }

    @Override
    public void create() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, credentials());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quotedName());
            statement.execute("CREATE DATABASE " + quotedName());
        }
    }

    @Override
    public void drop() {
        try (Connection connection = DriverManager.getConnection(adminUrl, credentials());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quotedName());
        } catch (SQLException e) {
            // Best effort: the test's own outcome matters more; the next run's create() replaces the leftover.
            System.err.println("[ForkedServer] could not drop the database " + name + " (" + e.getMessage()
                    + "); drop it with: psql -c 'DROP DATABASE \"" + name + "\"'");
        }
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("ZW_DB_URL", url);
        if (user != null) {
            environment.put("ZW_DB_USER", user);
        }
        if (password != null) {
            environment.put("ZW_DB_PASSWORD", password);
        }
        return environment;
    }

    @Override
    public List<String> javaOptions() {
        return List.of("-Dzw.db.driver=postgresql");
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials());
    }

    @Override
    public String toString() {
        return "PostgreSQL " + url;
    }

    /** The user and password the forked server's datasource uses too (wildfly-config/datasource.cli). */
    private Properties credentials() {
        Properties credentials = new Properties();
        credentials.setProperty("user", user != null ? user : "sa");
        credentials.setProperty("password", password != null ? password : "sa");
        return credentials;
    }

    private String quotedName() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
