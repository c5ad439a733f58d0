package dev.rollcall.store;

import dev.rollcall.app.Config;
import dev.rollcall.app.Services;
import dev.rollcall.testing.MutableClock;
import dev.rollcall.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A wired process over a fresh database whose background work is not started, so a test decides
 * when the sealer runs; writers are plain JDBC connections whose commits the test orders.
 */
final class AuditTrailFixture implements AutoCloseable {
    private final TestDatabases.TestDb db = TestDatabases.fresh();
    final MutableClock clock = MutableClock.startingNow();
    final Services services = Services.open(Config.fromEnvironment(Map.of("ROLLCALL_DB_URL", db.url(),
            "ROLLCALL_DB_USER", db.user(), "ROLLCALL_DB_PASSWORD", db.password(), "ROLLCALL_DB_POOL_SIZE", "6")), clock);
    final AuditChain chain = services.auditChain();
    private int written;

    /** A transaction that has appended one audit row and not yet ended. */
    final class Writer implements AutoCloseable {
        private final Connection connection;
        final long seq;

        private Writer() throws SQLException {
            connection = services.database().dataSource().getConnection();
            connection.setAutoCommit(false);
            DSLContext tx = DSL.using(connection, SQLDialect.MARIADB);
            new AuditStore().append(tx, clock.instant(), new AuditStore.Entry("test:writer", "test.write", "thing",
                    "t-" + (++written), null, "{\"n\":" + written + ",\"name\":\"Zoë\"}", null));
            seq = tx.fetchValue(DSL.field("LAST_INSERT_ID()", Long.class));
        }

        void commit() throws SQLException {
            connection.commit();
        }

        void rollback() throws SQLException {
            connection.rollback();
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    Writer begin() throws SQLException {
        return new Writer();
    }

    /** Appends and commits one row; returns its seq. */
    long write() throws SQLException {
        try (Writer w = begin()) {
            w.commit();
            return w.seq;
        }
    }

    /** Runs sealing passes until one links nothing more. */
    void seal() {
        while (chain.sealPending(clock.instant(), 3).linked() > 0) {
            Thread.onSpinWait();
        }
    }

    DSLContext sql() {
        return services.database().dsl();
    }

    @Override
    public void close() {
        services.close();
        TestDatabases.drop(db);
    }
}
