package dev.rollcall.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A counter of MariaDB's session status, read as text (reading it prepares nothing), on a pool of one
 * connection: the session whose statements a test counts.
 */
final class SessionStatus {
    private SessionStatus() {
    }

    /** {@code SHOW SESSION STATUS LIKE name} of the pool's one session (the SHOW itself counts in Questions). */
    static long of(Database single, String name) throws Exception {
        try (Connection c = single.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            r.next();
            return r.getLong(2);
        }
    }
}
