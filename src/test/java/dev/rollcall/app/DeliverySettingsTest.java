package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook settings: the master key (variable, embedded key file, refusal), schedule, allow-list, timeout. */
class DeliverySettingsTest {

    @Test
    void defaultsAndValidValues() {
        DeliverySettings d = Config.fromEnvironment(Map.of()).delivery();
        assertThat(d.retrySchedule().delays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        assertThat(d.allowlist()).isEmpty();
        assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        DeliverySettings set = Config.fromEnvironment(Map.of("ROLLCALL_WEBHOOK_RETRY_SCHEDULE", "PT1S, PT2M",
                "ROLLCALL_WEBHOOK_ALLOWLIST", "127.0.0.1/32, 10.0.0.0/8", "ROLLCALL_WEBHOOK_TIMEOUT", "PT3S",
                "ROLLCALL_MASTER_KEY", "dGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLWxvbmc=")).delivery();
        assertThat(set.retrySchedule().maxAttempts()).isEqualTo(3);
        assertThat(set.allowlist()).hasSize(2);
        assertThat(set.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(set.masterKey()).hasValueSatisfying(k -> assertThat(k).hasSize(32));
        assertThat(set.toString()).doesNotContain("dGVzdC1t");
    }

    @Test
    void disableAfterAndPublicMetrics() {
        DeliverySettings d = Config.fromEnvironment(Map.of()).delivery();
        assertThat(d.disableAfter()).isEqualTo(Duration.ofDays(5));
        assertThat(d.metricsPublic()).isFalse();
        DeliverySettings set = Config.fromEnvironment(Map.of("ROLLCALL_WEBHOOK_DISABLE_AFTER", "PT12H",
                "ROLLCALL_METRICS_PUBLIC", "true")).delivery();
        assertThat(set.disableAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(set.metricsPublic()).isTrue();
        for (Map.Entry<String, String> bad : Map.of("ROLLCALL_WEBHOOK_DISABLE_AFTER", "5 days",
                "ROLLCALL_METRICS_PUBLIC", "yes").entrySet()) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of(bad.getKey(), bad.getValue())))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(bad.getKey());
        }
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_WEBHOOK_DISABLE_AFTER", "-PT1H")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void finishedDeliveriesAreKeptThirtyDaysUnlessConfigured() {
        assertThat(Config.fromEnvironment(Map.of()).delivery().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(Config.fromEnvironment(Map.of("ROLLCALL_DELIVERY_RETENTION", "PT36H")).delivery().retention())
                .isEqualTo(Duration.ofHours(36));
        for (String bad : new String[] {"30 days", "P0D", "-P1D"}) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_DELIVERY_RETENTION", bad)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_DELIVERY_RETENTION");
        }
    }

    @Test
    void badValuesNameTheirVariable() {
        for (Map.Entry<String, String> bad : Map.of("ROLLCALL_WEBHOOK_RETRY_SCHEDULE", "5s",
                "ROLLCALL_WEBHOOK_ALLOWLIST", "localhost", "ROLLCALL_WEBHOOK_TIMEOUT", "PT0S",
                "ROLLCALL_MASTER_KEY", "c2hvcnQ=").entrySet()) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of(bad.getKey(), bad.getValue())))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(bad.getKey());
        }
    }

    @Test
    void embeddedModeMakesTheKeyOnceIntoTheDataDirectory(@TempDir Path dir) throws Exception {
        Config config = Config.fromEnvironment(Map.of("ROLLCALL_DATA_DIR", dir.toString()));
        byte[] first = MasterKeys.resolve(config, new SecureRandom()).orElseThrow();
        byte[] again = MasterKeys.resolve(config, new SecureRandom()).orElseThrow();
        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(Files.readString(dir.resolve(MasterKeys.FILE))).isNotBlank();
    }

    @Test
    void anExternalDatabaseWithoutAKeyRefusesToServe() {
        TestDatabases.TestDb db = TestDatabases.fresh();
        try (Services services = Services.open(Config.fromEnvironment(Map.of("ROLLCALL_DB_URL", db.url(),
                "ROLLCALL_DB_USER", db.user(), "ROLLCALL_DB_PASSWORD", db.password())))) {
            assertThatThrownBy(services::startServing).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("ROLLCALL_MASTER_KEY is required with an external database");
        } finally {
            TestDatabases.drop(db);
        }
    }
}
