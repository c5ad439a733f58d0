package dev.rollcall.store;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Recognises a unique-key violation (MariaDB error 1062) that lost a race with a concurrent write. */
public final class Duplicates {
    private Duplicates() {
    }

    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
            if (t instanceof SQLIntegrityConstraintViolationException && t.getMessage() != null
                    && t.getMessage().contains("Duplicate")) {
                return true;
            }
        }
        return false;
    }
}
