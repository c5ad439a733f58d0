package dev.rollcall.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Flyway over the migrations shipped in the jar as classpath:db/migration (the schema/ folder). It
 * opens connections of its own: the pool's carry the statement time limit, and a migration of a big
 * table may rightly take longer.
 */
public final class Migrations {
    private final Flyway flyway;

    public Migrations(String jdbcUrl, String user, String password) {
        this.flyway = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
    }

    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** True when every migration in the jar has been applied and none has failed. */
    public boolean upToDate() {
        MigrationInfo[] pending = flyway.info().pending();
        MigrationInfo current = flyway.info().current();
        return pending.length == 0 && current != null && current.getState().isApplied()
                && !current.getState().isFailed();
    }
}
