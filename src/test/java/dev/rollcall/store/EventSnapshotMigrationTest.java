package dev.rollcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** V15 moves the snapshots of a database written before it onto their events' rows, and nothing is lost. */
class EventSnapshotMigrationTest {
    private final TestDatabases.TestDb db = TestDatabases.fresh();

    @AfterEach
    void drop() {
        TestDatabases.drop(db);
    }

    @Test
    void snapshotsWrittenBeforeV15AreOnTheirEventsAfterIt() throws Exception {
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration")
                .target("14").load().migrate();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO event (id, type, person_id, person_seq, payload, announced, created_at) VALUES"
                    + " ('01JDELIVERED0000000000000A', 'person.created', 'p-1', 1, '{}', TRUE, NOW(6)),"
                    + " ('01JNOSUBSCRIBER00000000000', 'person.updated', 'p-1', 2, '{}', TRUE, NOW(6))");
            s.execute("INSERT INTO event_snapshot (event_id, snapshot) VALUES"
                    + " ('01JDELIVERED0000000000000A', '{\"person\":{\"id\":\"p-1\",\"sequence\":1}}')");

            new Migrations(db.url(), db.user(), db.password()).migrate();

            try (ResultSet r = s.executeQuery("SELECT id, snapshot FROM event ORDER BY id")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("01JDELIVERED0000000000000A");
                assertThat(r.getString(2)).isEqualTo("{\"person\":{\"id\":\"p-1\",\"sequence\":1}}");
                assertThat(r.next()).isTrue();
                assertThat(r.getString(2)).isNull();
                assertThat(r.next()).isFalse();
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = 'event_snapshot'")) {
                r.next();
                assertThat(r.getInt(1)).isZero();
            }
        }
    }
}
