package dev.rollcall.store;

import dev.rollcall.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A throw-away, migrated database, dropped on close: on the server named by ROLLCALL_TEST_DB_URL,
 * else on the local MariaDB at 127.0.0.1:3306, else on the shared embedded test MariaDB.
 */
final class FilterTestDatabase implements AutoCloseable {
    private static final String LOCAL = "jdbc:mariadb://127.0.0.1:3306/";
    private final String name = "rollcall_filter_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Database database;
    private final String url;
    private final String user;
    private final String password;

    FilterTestDatabase() {
        String external = System.getenv("ROLLCALL_TEST_DB_URL");
        String url;
        String user = "root";
        String password = "";
        if (external != null && !external.isBlank()) {
            url = (external.endsWith("/") ? external : external + "/") + name + "?createDatabaseIfNotExist=true";
            user = envOr("ROLLCALL_TEST_DB_USER", user);
            password = envOr("ROLLCALL_TEST_DB_PASSWORD", password);
        } else if (answers(LOCAL)) {
            url = LOCAL + name + "?createDatabaseIfNotExist=true";
        } else {
            TestDatabases.TestDb embedded = TestDatabases.fresh();
            url = embedded.url().replaceFirst("/rollcall_t_[0-9a-f]+\\?", "/" + name + "?");
        }
        database = new Database(url, user, password, 4);
        new Migrations(url, user, password).migrate();
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Another pool on the same database (the caller closes it). */
    Database anotherPool(int size) {
        return new Database(url, user, password, size);
    }

    DSLContext dsl() {
        return database.dsl();
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            database.dsl().execute("DROP DATABASE IF EXISTS " + name);
        } finally {
            database.close();
        }
    }

    private static boolean answers(String serverUrl) {
        try (Connection c = DriverManager.getConnection(serverUrl + "?connectTimeout=1000", "root", "")) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String envOr(String key, String dflt) {
        String v = System.getenv(key);
        return v == null ? dflt : v;
    }
}
