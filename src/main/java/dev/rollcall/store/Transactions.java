package dev.rollcall.store;

import dev.rollcall.kernel.StoreUnavailable;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs work in one database transaction, retrying it a few times when InnoDB picks it as a
 * deadlock victim or a lock wait times out (the work must be free of outside side effects).
 * A database that does not answer is never retried here: the caller hears {@link StoreUnavailable}.
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
                return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
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
