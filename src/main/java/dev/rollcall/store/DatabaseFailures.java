package dev.rollcall.store;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that did not answer from an error in the work itself, by exception type and error code. */
public final class DatabaseFailures {
    private static final int ER_STATEMENT_TIMEOUT = 1969;
    private static final int ER_CONNECTION_KILLED = 1927;
    private static final int ER_SERVER_SHUTDOWN = 1053;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_DEADLOCK = 1213;

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT || sql.getErrorCode() == ER_DEADLOCK)) {
                return false; // contention between transactions, retried by Transactions: the database answered
            }
            if (t instanceof dev.rollcall.kernel.StoreUnavailable || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState())
                    || sql.getErrorCode() == ER_STATEMENT_TIMEOUT || sql.getErrorCode() == ER_CONNECTION_KILLED
                    || sql.getErrorCode() == ER_SERVER_SHUTDOWN)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && sqlState.startsWith("08");
    }
}
