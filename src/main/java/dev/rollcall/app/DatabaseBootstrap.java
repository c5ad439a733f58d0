package dev.rollcall.app;

import dev.rollcall.store.Database;
import dev.rollcall.store.Migrations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database the configuration names — an external MariaDB, or the embedded one under
 * the data directory — and migrates it. The embedded server writes its port to a file so that
 * CLI commands run while a server is up reuse that server instead of starting a second MariaDB
 * on the same data files.
 */
public final class DatabaseBootstrap implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);

    private final Database database;
    private final Migrations migrations;
    private final EmbeddedMariaDb embedded;
    private final Path portFile;

    private DatabaseBootstrap(Database database, Migrations migrations, EmbeddedMariaDb embedded, Path portFile) {
        this.database = database;
        this.migrations = migrations;
        this.embedded = embedded;
        this.portFile = portFile;
    }

    public static DatabaseBootstrap open(Config config) {
        EmbeddedMariaDb embedded = null;
        Path portFile = null;
        String url;
        if (config.dbUrl().isPresent()) {
            url = config.dbUrl().get();
        } else {
            Path candidate = config.dataDir().resolve("mariadb.port");
            Optional<String> running = runningEmbeddedUrl(candidate);
            if (running.isPresent()) {
                url = running.get();
                log.info("using the embedded MariaDB already running for {}", config.dataDir());
            } else {
                embedded = EmbeddedMariaDb.start(config.dataDir());
                url = embedded.jdbcUrl();
                portFile = candidate;
                writePortFile(portFile, url);
            }
        }
        Database database;
        try {
            database = new Database(url, config.dbUser(), config.dbPassword(), config.dbPoolSize(), config.dbTimeouts());
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw new ConfigException("cannot connect to the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        Migrations migrations = new Migrations(url, config.dbUser(), config.dbPassword());
        try {
            int applied = migrations.migrate();
            if (applied > 0) {
                log.info("applied {} database migration(s)", applied);
            }
        } catch (RuntimeException e) {
            database.close();
            if (embedded != null) {
                embedded.close();
            }
            throw new ConfigException("database migration failed: " + rootMessage(e), e);
        }
        return new DatabaseBootstrap(database, migrations, embedded, portFile);
    }

    public Database database() {
        return database;
    }

    public Migrations migrations() {
        return migrations;
    }

    @Override
    public void close() {
        database.close();
        if (embedded != null) {
            try {
                Files.deleteIfExists(portFile);
            } catch (IOException e) {
                log.warn("could not remove {}: {}", portFile, e.getMessage());
            }
            embedded.close();
        }
    }

    private static Optional<String> runningEmbeddedUrl(Path portFile) {
        if (!Files.isRegularFile(portFile)) {
            return Optional.empty();
        }
        try {
            String url = Files.readString(portFile, StandardCharsets.UTF_8).trim();
            try (var c = DriverManager.getConnection(url, "root", "")) {
                return c.isValid(2) ? Optional.of(url) : Optional.empty();
            }
        } catch (IOException | SQLException e) {
            return Optional.empty();
        }
    }

    private static void writePortFile(Path portFile, String url) {
        try {
            Files.writeString(portFile, url, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("could not write {}: {}", portFile, e.getMessage());
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
