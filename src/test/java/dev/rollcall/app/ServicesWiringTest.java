package dev.rollcall.app;

import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.AUTHORITY_MATRIX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.testing.MutableClock;
import dev.rollcall.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wiring the process (what every CLI command does) migrates the schema and writes nothing else. */
class ServicesWiringTest {

    @Test
    void wiringWritesNothingAndStartsNoBackgroundWorkUntilServingStarts(@TempDir Path dir) throws Exception {
        Path authority = dir.resolve("authority.json");
        Files.writeString(authority, "title = crm, hris\n");
        TestDatabases.TestDb db = TestDatabases.fresh();
        Map<String, String> env = Map.of("ROLLCALL_DB_URL", db.url(), "ROLLCALL_DB_USER", db.user(),
                "ROLLCALL_DB_PASSWORD", db.password(), "ROLLCALL_AUTHORITY_FILE", authority.toString(),
                "ROLLCALL_MASTER_KEY", dev.rollcall.testing.RollcallTestServer.TEST_MASTER_KEY);
        MutableClock clock = MutableClock.startingNow();
        try (Services services = Services.open(Config.fromEnvironment(env), clock)) {
            assertThat(services.clock()).isSameAs(clock);
            assertThat(services.backgroundTasks()).containsExactly("database-watch", "audit-sealer", "lifecycle-timers", "hold-resumer",
                    "webhook-dispatcher", "delivery-retention");
            assertThat(services.database().dsl().fetchCount(AUDIT)).isZero();
            assertThat(services.database().dsl().fetchCount(AUTHORITY_MATRIX)).isZero();
            assertThat(sealerThreadRuns()).isFalse();

            services.startServing();
            assertThat(services.database().dsl().fetchCount(AUTHORITY_MATRIX)).isEqualTo(1);
            assertThat(sealerThreadRuns()).isTrue();
        } finally {
            TestDatabases.drop(db);
        }
        assertThat(sealerThreadRuns()).isFalse();
    }

    private static boolean sealerThreadRuns() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("audit-sealer") && t.isAlive());
    }
}
