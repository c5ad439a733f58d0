package dev.rollcall.store;

import java.sql.SQLException;

/**
 * Recognises a unique-key violation by MariaDB's error code (1062, SQLSTATE 23000), never by the
 * message text: which key it was is asked of the database by the caller, not parsed from the text.
 */
final class Duplicates {
    private static final int ER_DUP_ENTRY = 1062;

    private Duplicates() {
    }

    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ER_DUP_ENTRY) {
                return true;
            }
        }
        return false;
    }
}
