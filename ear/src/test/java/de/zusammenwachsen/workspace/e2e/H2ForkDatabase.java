package de.zusammenwachsen.workspace.e2e;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded default: the forked server creates its H2 file under its data directory itself (the datasource's
 * default URL, wildfly-config/datasource.cli), and {@link ForkedServer#prepare} deletes it with the base directory.
 * A test reads it through H2's AUTO_SERVER mode, only while the server runs (otherwise the test would open the file
 * itself and become the server the WildFly connects to), with the H2 driver of the provisioned WildFly (loaded from
 * its module directory, so it is the server's own version).
 */
final class H2ForkDatabase implements ForkDatabase {

    private static Driver driver;

    private final Path file;

    H2ForkDatabase(Path file) {
        this.file = file;
    }

    @Override
    public void create() {
        // Nothing to do: the server creates the file on its first start.
    }

    @Override
    public void drop() {
        // Nothing to do: the file lies in the base directory, which the next prepare() deletes; the last run's file
        // stays for a look after a failure.
    }

    @Override
    public Map<String, String> environment() {
        return Map.of();
    }

    @Override
    public List<String> javaOptions() {
        return List.of();
    }

    @Override
    public Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "sa");
        return driver().connect("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE", credentials);
    }

    @Override
    public String toString() {
        return "H2 " + file;
    }

    private static synchronized Driver driver() {
        if (driver == null) {
            Path module = ForkedServer.jbossHome().resolve(Path.of("modules", "system", "layers", "base", "com",
                    "h2database", "h2", "main"));
            try (Stream<Path> jars = Files.list(module)) {
                Path jar = jars.filter(p -> p.getFileName().toString().matches("h2-.*\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no H2 driver in " + module));
                // Never closed: the driver lives as long as the test JVM.
                URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
            } catch (IOException | ReflectiveOperationException e) {
                throw new IllegalStateException("H2 driver of the provisioned WildFly: " + e, e);
            }
        }
        return driver;
    }
}
