package dev.rollcall.store;

import java.time.Duration;

/**
 * Every bound on waiting for the database. {@code connection}: the longest a caller waits for a
 * connection (from the pool, or a new one). {@code statement}: MariaDB's max_statement_time for every
 * session. {@code socket}: the driver's read timeout, a backstop above the statement limit.
 * {@code health}: a liveness ping slower than this marks the database unavailable.
 */
public record DatabaseTimeouts(Duration connection, Duration statement, Duration socket, Duration health) {
    public static final DatabaseTimeouts DEFAULTS = new DatabaseTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(7), Duration.ofMillis(500));

    public DatabaseTimeouts {
        if (socket.compareTo(statement) <= 0) {
            throw new IllegalArgumentException("the socket timeout must exceed the statement timeout");
        }
    }
}
