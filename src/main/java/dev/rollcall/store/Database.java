package dev.rollcall.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The connection pool and the jOOQ context over it. Every wait on the database is bounded
 * ({@link DatabaseTimeouts}); while the health ping fails, work is refused at once instead of waiting.
 */
public final class Database implements AutoCloseable {
    /** Server-side prepared statements one pooled connection keeps (the hot paths use a few dozen shapes). */
    static final int PREPARED_PER_CONNECTION = 100;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final DSLContext dslAsText;
    private final DatabaseHealth health;
    private final GuardedConnections connections;
    private final ExecutorService aborts = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rollcall-db-abort");
        t.setDaemon(true);
        return t;
    });

    public Database(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, DatabaseTimeouts.DEFAULTS);
    }

    public Database(String jdbcUrl, String user, String password, int poolSize, DatabaseTimeouts timeouts) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(4, poolSize));
        hc.setPoolName("rollcall");
        long connectMs = timeouts.connection().toMillis();
        hc.setConnectionTimeout(connectMs);
        // a pooled connection idle for a while is checked before use; that check must fit in the wait
        hc.setValidationTimeout(Math.max(250, connectMs / 2));
        hc.setInitializationFailTimeout(10_000);
        hc.addDataSourceProperty("connectTimeout", Long.toString(connectMs));
        hc.addDataSourceProperty("socketTimeout", Long.toString(timeouts.socket().toMillis()));
        hc.setConnectionInitSql("SET SESSION max_statement_time = " + timeouts.statement().toMillis() / 1000.0);
        // A JDBC batch goes to the server as one bulk execution (COM_STMT_BULK_EXECUTE): one round trip, parsed once.
        hc.addDataSourceProperty("useBulkStmts", "true");
        // Statements are prepared on the server once per connection and then executed with their values only
        // (MariaDB parses and plans each shape once: about 12 % less database CPU per create, measured). Each
        // connection keeps at most PREPARED_PER_CONNECTION, well inside MariaDB's max_prepared_stmt_count.
        hc.addDataSourceProperty("useServerPrepStmts", "true");
        hc.addDataSourceProperty("prepStmtCacheSize", Integer.toString(PREPARED_PER_CONNECTION));
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        this.dataSource = new HikariDataSource(hc);
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteWithOptimisticLocking(false)
                // no `SHOW WARNINGS` round trip after a statement that had some (an INSERT IGNORE of a kept link)
                .withFetchWarnings(false)
                // jOOQ's debug logger of every statement is off in production anyway; skip its listener
                .withExecuteLogging(false)
                // IN lists padded to the next power of two (the last value repeated): a statement prepared on the
                // server is reused for lists of other lengths, instead of prepared anew for each length
                .withInListPadding(true);
        this.health = new DatabaseHealth(jdbcUrl, user, password, timeouts);
        this.connections = new GuardedConnections(dataSource, health::available);
        this.dsl = DSL.using(connections, SQLDialect.MARIADB, settings);
        // a copy: Settings' with-methods change the object they are called on
        this.dslAsText = DSL.using(connections, SQLDialect.MARIADB,
                org.jooq.conf.SettingsTools.clone(settings).withStatementType(org.jooq.conf.StatementType.STATIC_STATEMENT));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /**
     * The same pool for queries whose shape the client chooses (SCIM filters and sorting): sent as text with
     * their values inlined (and escaped) by jOOQ, not prepared on the server. MariaDB 11.4 crashes (signal 11
     * in find_field_in_tables) re-executing a server-side prepared filter query such as
     * {@code emails[type eq "home" and value co "@x"]}; and a shape chosen per request gains nothing from
     * being prepared once per connection.
     */
    public DSLContext dslAsText() {
        return dslAsText;
    }

    /** Whether the last health ping was answered (instant: no database round trip). */
    public boolean reachable() {
        return health.available();
    }

    /**
     * Pings the database. When it does not answer in time, work is refused from now on and the
     * statements in flight are cut off, so that no caller stays blocked on a frozen database.
     */
    public boolean checkHealth() {
        boolean wasUp = health.available();
        boolean up = health.check();
        if (!up) {
            connections.abortInUse(aborts);
        }
        if (up != wasUp) {
            // pooled connections from before the outage are dead: drop them, rather than fail one request each
            dataSource.getHikariPoolMXBean().softEvictConnections();
        }
        return up;
    }

    @Override
    public void close() {
        health.close();
        dataSource.close();
        aborts.shutdownNow();
    }
}
