package dev.rollcall.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jooq.DSLContext;

/** A throw-away, migrated database on the local MariaDB, dropped on close. */
final class FilterTestDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    private final String name = "rollcall_filter_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Database database;

    FilterTestDatabase() {
        database = new Database(SERVER + name + "?createDatabaseIfNotExist=true", "root", "", 4);
        new Migrations(database.dataSource()).migrate();
    }

    DSLContext dsl() {
        return database.dsl();
    }

    @Override
    public void close() throws SQLException {
        database.close();
        try (Connection c = DriverManager.getConnection(SERVER, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }
}
