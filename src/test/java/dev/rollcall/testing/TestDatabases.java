package dev.rollcall.testing;

import dev.rollcall.app.EmbeddedMariaDb;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where tests get a real MariaDB: the server named by ROLLCALL_TEST_DB_URL (a server URL such as
 * {@code jdbc:mariadb://127.0.0.1:3306/}, with ROLLCALL_TEST_DB_USER / ROLLCALL_TEST_DB_PASSWORD),
 * else one embedded MariaDB per test JVM. Every caller gets a fresh database of its own.
 */
public final class TestDatabases {
    private static EmbeddedMariaDb embedded;

    private TestDatabases() {
    }

    /** A fresh database: its JDBC URL, credentials and name (tests drop it when done). */
    public record TestDb(String url, String user, String password, String name) {

        /**
         * The environment of a server on this database: any free HTTP port, a pool of 4, the tests'
         * master key, plus {@code more} (e.g. hold thresholds).
         */
        public java.util.Map<String, String> serverEnv(java.util.Map<String, String> more) {
            java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("ROLLCALL_DB_URL", url,
                    "ROLLCALL_DB_USER", user, "ROLLCALL_DB_PASSWORD", password, "ROLLCALL_HTTP_PORT", "0",
                    "ROLLCALL_DB_POOL_SIZE", "4", "ROLLCALL_MASTER_KEY", RollcallTestServer.TEST_MASTER_KEY));
            env.putAll(more);
            return env;
        }
    }

    public static synchronized TestDb fresh() {
        String name = "rollcall_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv("ROLLCALL_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String base = external.endsWith("/") ? external : external + "/";
            return new TestDb(base + name + "?createDatabaseIfNotExist=true",
                    envOr("ROLLCALL_TEST_DB_USER", "root"), envOr("ROLLCALL_TEST_DB_PASSWORD", ""), name);
        }
        if (embedded == null) {
            embedded = EmbeddedMariaDb.start(Path.of("target", "test-mariadb").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-mariadb-stop"));
        }
        String url = embedded.jdbcUrl().replace("/" + EmbeddedMariaDb.DATABASE + "?", "/" + name + "?");
        return new TestDb(url, "root", "", name);
    }

    /** Drops a database made by {@link #fresh()}. */
    public static void drop(TestDb db) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password())) {
            org.jooq.impl.DSL.using(c, org.jooq.SQLDialect.MARIADB).dropDatabaseIfExists(db.name()).execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not drop test database " + db.name(), e);
        }
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null ? dflt : v;
    }
}
