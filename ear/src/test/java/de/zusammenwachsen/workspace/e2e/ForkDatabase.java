package de.zusammenwachsen.workspace.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The database of a {@link ForkedServer}: the database the build tests against, so that the crash tests prove their
 * guarantees on it. On the PostgreSQL run ({@code ZW_DB_URL} starts with {@code jdbc:postgresql:}) a database of its
 * own next to the build's; otherwise the H2 file under the forked server's data directory, as on a user's machine.
 */
sealed interface ForkDatabase permits H2ForkDatabase, PostgresForkDatabase {

    /**
     * The database for the forked server {@code name} (its base directory's name) whose data directory is
     * {@code dataDir}.
     */
    static ForkDatabase forBuild(String name, Path dataDir) {
        String buildUrl = System.getenv("ZW_DB_URL");
        if (buildUrl != null && buildUrl.startsWith(PostgresForkDatabase.URL_PREFIX)) {
            return PostgresForkDatabase.nextTo(buildUrl, System.getenv("ZW_DB_USER"), System.getenv("ZW_DB_PASSWORD"),
                    name);
        }
        return new H2ForkDatabase(dataDir.resolve("db").resolve("workspace"));
    }

    /** Makes the database empty before the first start (a leftover of an interrupted run is replaced). */
    void create() throws SQLException;

    /** Removes the database once the server has stopped for good; best effort, never throws. */
    void drop();

    /** The environment variables that point the forked server to this database (wildfly-config/datasource.cli). */
    Map<String, String> environment();

    /** The JVM options that choose the forked server's JDBC driver. */
    List<String> javaOptions();

    /** A connection to the database the forked server writes, for a test to look at rows directly. */
    Connection connect() throws SQLException;
}
