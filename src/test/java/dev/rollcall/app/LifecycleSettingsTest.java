package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The grace periods are ISO-8601 durations; a bad or negative one stops start-up naming the variable. */
class LifecycleSettingsTest {

    @Test
    void unsetGracePeriodsTakeTheDocumentedDefaults() {
        Config c = Config.fromEnvironment(Map.of());
        assertThat(c.grace().involuntary()).isZero();
        assertThat(c.grace().voluntary()).isEqualTo(Duration.ofDays(14));
        assertThat(c.grace().fallback()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void anyDurationIncludingSecondsIsAccepted() {
        Config c = Config.fromEnvironment(Map.of("ROLLCALL_GRACE_DEFAULT", "PT30S", "ROLLCALL_GRACE_VOLUNTARY", " P1DT2H ",
                "ROLLCALL_GRACE_INVOLUNTARY", "PT0S"));
        assertThat(c.grace().fallback()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.grace().voluntary()).isEqualTo(Duration.ofHours(26));
    }

    @Test
    void aValueThatIsNoDurationIsRefusedByName() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_GRACE_VOLUNTARY", "14 days")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ROLLCALL_GRACE_VOLUNTARY").hasMessageContaining("14 days");
    }

    @Test
    void aNegativeDurationIsRefusedByName() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_GRACE_INVOLUNTARY", "-PT1S")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ROLLCALL_GRACE_INVOLUNTARY").hasMessageContaining("negative");
    }

    @Test
    void theManagerAndCrmGracesAndTheSourceTimeZoneHaveDefaultsAndCanBeSet() {
        Config d = Config.fromEnvironment(Map.of());
        assertThat(d.lifecycle().managerChangeGrace()).isEqualTo(Duration.ofDays(7));
        assertThat(d.lifecycle().crmTransferGrace()).isEqualTo(Duration.ofDays(30));
        assertThat(d.lifecycle().sourceZone()).isEqualTo(java.time.ZoneOffset.UTC);

        Config c = Config.fromEnvironment(Map.of("ROLLCALL_GRACE_MANAGER_CHANGE", "PT30S", "ROLLCALL_GRACE_CRM_TRANSFER", "P2D",
                "ROLLCALL_SOURCE_TIMEZONE", "Europe/Berlin"));
        assertThat(c.lifecycle().managerChangeGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.lifecycle().crmTransferGrace()).isEqualTo(Duration.ofDays(2));
        assertThat(c.lifecycle().sourceZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
    }

    @Test
    void anUnknownTimeZoneOrABadGraceIsRefusedByName() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_SOURCE_TIMEZONE", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_SOURCE_TIMEZONE");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_GRACE_CRM_TRANSFER", "-P1D")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_GRACE_CRM_TRANSFER");
    }

    @Test
    void holdThresholdsDefaultTo20And5PercentPerHourAndAreSetPerKind() {
        Config d = Config.fromEnvironment(Map.of());
        assertThat(d.holds().terminations()).isEqualTo(20);
        assertThat(d.holds().terminationsPercent()).isEqualTo(5.0);
        assertThat(d.holds().managerChanges()).isEqualTo(20);
        assertThat(d.holds().window()).isEqualTo(Duration.ofHours(1));
        Config c = Config.fromEnvironment(Map.of("ROLLCALL_HOLD_TERMINATIONS", "50", "ROLLCALL_HOLD_TERMINATIONS_PERCENT", "2.5",
                "ROLLCALL_HOLD_MANAGER_CHANGES", "200", "ROLLCALL_HOLD_MANAGER_CHANGES_PERCENT", "10",
                "ROLLCALL_HOLD_WINDOW", "PT15M"));
        assertThat(c.holds().terminations()).isEqualTo(50);
        assertThat(c.holds().terminationsPercent()).isEqualTo(2.5);
        assertThat(c.holds().managerChanges()).isEqualTo(200);
        assertThat(c.holds().managerChangesPercent()).isEqualTo(10.0);
        assertThat(c.holds().window()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aBadHoldSettingIsRefusedByName() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_HOLD_TERMINATIONS", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_HOLD_TERMINATIONS");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_HOLD_MANAGER_CHANGES_PERCENT", "150")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_HOLD_MANAGER_CHANGES_PERCENT");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_HOLD_WINDOW", "PT0S")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_HOLD_WINDOW");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_HOLD_WINDOW", "an hour")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_HOLD_WINDOW");
    }
}
