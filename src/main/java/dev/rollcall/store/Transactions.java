package dev.rollcall.store;

import dev.rollcall.kernel.StoreUnavailable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultConnectionProvider;

/**
 * Runs work in one database transaction, retrying it a few times when InnoDB picks it as a
 * deadlock victim or a lock wait times out (the work must be free of outside side effects).
 * A database that does not answer is never retried here: the caller hears {@link StoreUnavailable}.
 *
 * <p>A transaction is {@code START TRANSACTION} … {@code COMMIT} on a pooled connection that stays in
 * autocommit mode: two round trips, where jOOQ's own transactions toggle autocommit off and on again around
 * the commit (three), and nothing for the pool to reset afterwards.
 */
public final class Transactions {
    private static final int ATTEMPTS = 5;
    private final DSLContext dsl;

    public Transactions(Database database) {
        this(database.dsl());
    }

    /** Over a given context, e.g. one derived with an execute listener that counts statements. */
    public Transactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    public <T> T inTransaction(Function<DSLContext, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.connectionResult(connection -> inOne(connection, work));
            } catch (StoreUnavailable e) {
                throw e;
            } catch (DataAccessException e) {
                if (DatabaseFailures.isUnavailable(e)) {
                    throw new StoreUnavailable(e);
                }
                if (attempt >= ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
                sleepBeforeRetry(attempt);
            }
        }
    }

    private <T> T inOne(Connection connection, Function<DSLContext, T> work) throws SQLException {
        // the same settings and listeners as the pool's context, bound to this one connection
        DSLContext tx = dsl.configuration().derive(new DefaultConnectionProvider(connection)).dsl();
        run(connection, "START TRANSACTION");
        T result;
        try {
            result = work.apply(tx);
            run(connection, "COMMIT");
        } catch (RuntimeException | Error | SQLException e) {
            rollbackQuietly(connection, e);
            throw e;
        }
        return result;
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            run(connection, "ROLLBACK");
        } catch (SQLException | RuntimeException e) {
            // the connection is unusable (the database went away): the pool finds out on its next check
            cause.addSuppressed(e);
        }
    }

    private static boolean isRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 10 * attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", ie);
        }
    }
}
