package dev.rollcall.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The connection pool and the jOOQ context over it. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    public Database(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(4, poolSize));
        hc.setPoolName("rollcall");
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        // Batched statements are rewritten into multi-row inserts by the driver.
        hc.addDataSourceProperty("useBulkStmts", "true");
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        this.dataSource = new HikariDataSource(hc);
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteWithOptimisticLocking(false);
        this.dsl = DSL.using(dataSource, SQLDialect.MARIADB, settings);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** True when a connection can be had and answers. */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
