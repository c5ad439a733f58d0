package dev.rollcall.store;

import dev.rollcall.kernel.StoreUnavailable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Hands out pooled connections to jOOQ, refuses at once while the database is known to be down, and
 * keeps the connections in use so that a frozen database's callers can be released by aborting them.
 */
final class GuardedConnections implements ConnectionProvider {
    private final DataSource pool;
    private final BooleanSupplier available;
    private final Set<Connection> inUse = ConcurrentHashMap.newKeySet();
    private final SocketCutter cutter = new SocketCutter();

    GuardedConnections(DataSource pool, BooleanSupplier available) {
        this.pool = pool;
        this.available = available;
    }

    @Override
    public Connection acquire() {
        if (!available.getAsBoolean()) {
            throw new StoreUnavailable(null);
        }
        try {
            Connection c = pool.getConnection();
            inUse.add(c);
            return c;
        } catch (SQLException e) {
            throw DatabaseFailures.isUnavailable(e) ? new StoreUnavailable(e)
                    : new DataAccessException("cannot get a database connection", e);
        }
    }

    @Override
    public void release(Connection connection) {
        inUse.remove(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("cannot return a database connection", e);
        }
    }

    /** Cuts off every connection in use, each on a thread of its own. */
    void abortInUse(Executor executor) {
        for (Connection c : inUse) {
            executor.execute(() -> cutter.cut(c));
        }
    }
}
