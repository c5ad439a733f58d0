package dev.rollcall.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Whether the database answers, from a ping on a connection of its own (outside the pool, so a full
 * pool or a long statement cannot make it look down). Starts available: bootstrap has just reached
 * and migrated it.
 */
final class DatabaseHealth implements AutoCloseable {
    private final String url;
    private final Properties properties = new Properties();
    private volatile boolean available = true;
    private Connection connection;

    DatabaseHealth(String url, String user, String password, DatabaseTimeouts timeouts) {
        this.url = url;
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        String health = Long.toString(timeouts.health().toMillis());
        properties.setProperty("connectTimeout", health);
        properties.setProperty("socketTimeout", health);
    }

    boolean available() {
        return available;
    }

    /** Pings; returns whether the database answered within the health timeout. */
    synchronized boolean check() {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(url, properties);
            }
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT 1");
            }
            available = true;
        } catch (SQLException e) {
            available = false;
            closeQuietly();
        }
        return available;
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                // it is being dropped because it failed
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
