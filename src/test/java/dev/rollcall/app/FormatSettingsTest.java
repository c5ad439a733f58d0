package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delivery format settings: secret and signing-key overlaps, the SET issuer. */
class FormatSettingsTest {

    @Test
    void defaultsAndValidValues() {
        FormatSettings d = Config.fromEnvironment(Map.of()).formats();
        assertThat(d.secretOverlap()).isEqualTo(Duration.ofHours(24));
        assertThat(d.signingKeyOverlap()).isEqualTo(Duration.ofDays(7));
        assertThat(d.setIssuer()).isEqualTo("urn:rollcall");
        FormatSettings set = Config.fromEnvironment(Map.of("ROLLCALL_SECRET_OVERLAP", "PT1H",
                "ROLLCALL_SIGNING_KEY_OVERLAP", "PT0S", "ROLLCALL_PUBLIC_URL", "https://idm.example.com")).formats();
        assertThat(set.secretOverlap()).isEqualTo(Duration.ofHours(1));
        assertThat(set.signingKeyOverlap()).isZero();
        assertThat(set.setIssuer()).isEqualTo("https://idm.example.com");
        assertThat(Config.fromEnvironment(Map.of("ROLLCALL_SET_ISSUER", "urn:acme:rollcall",
                "ROLLCALL_PUBLIC_URL", "https://idm.example.com")).formats().setIssuer()).isEqualTo("urn:acme:rollcall");
    }

    @Test
    void badValuesNameTheirVariable() {
        for (Map.Entry<String, String> bad : Map.of("ROLLCALL_SECRET_OVERLAP", "24h", "ROLLCALL_SIGNING_KEY_OVERLAP", "P31D",
                "ROLLCALL_SECRET_OVERLAP ", "-PT1H").entrySet()) {
            String name = bad.getKey().trim();
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of(name, bad.getValue())))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(name);
        }
    }
}
