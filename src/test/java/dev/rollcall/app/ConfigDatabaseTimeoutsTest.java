package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database time limits: documented defaults, and a bad combination stops start-up with the variable named. */
class ConfigDatabaseTimeoutsTest {

    @Test
    void defaultsBoundEveryWait() {
        var t = Config.fromEnvironment(Map.of()).dbTimeouts();
        assertThat(t.connection()).isEqualTo(Duration.ofSeconds(1));
        assertThat(t.statement()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.socket()).isEqualTo(Duration.ofSeconds(7));
        assertThat(t.health()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theSocketTimeoutFollowsTheStatementTimeoutAndMustExceedIt() {
        assertThat(Config.fromEnvironment(Map.of("ROLLCALL_DB_STATEMENT_TIMEOUT_MS", "20000")).dbTimeouts().socket())
                .isEqualTo(Duration.ofSeconds(22));
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_DB_STATEMENT_TIMEOUT_MS", "3000",
                "ROLLCALL_DB_SOCKET_TIMEOUT_MS", "3000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_DB_SOCKET_TIMEOUT_MS");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_DB_CONNECTION_TIMEOUT_MS", "10")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_DB_CONNECTION_TIMEOUT_MS");
    }
}
