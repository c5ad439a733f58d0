package dev.rollcall.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Wrong bearer tokens are logged with the client's address (never the token) and throttled per address. */
class FailedBearerTokensTest {
    private static final String GUESS = "rc_src_guessed-token-text-0123456789";

    // one server per test: the throttle's state is the point of each test
    @RegisterExtension
    final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).adminToken("it", AdminScope.READ)
            .env("ROLLCALL_AUTH_FAILURE_LIMIT", "3").build();
    @Token("workday") String hr;
    @Token("it") String admin;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(BearerAuthFilter.class)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(BearerAuthFilter.class)).detachAppender(logs);
    }

    @Test
    void pastTheLimitAnAddressGets429WithRetryAfterEvenWithAValidTokenUntilItsAllowanceRefills() {
        for (int i = 0; i < 3; i++) {
            assertThat(server.get("/scim/v2/Users", GUESS + i).status()).isEqualTo(401);
        }
        HttpResult scim = server.get("/scim/v2/Users", hr);
        assertThat(scim.status()).isEqualTo(429);
        assertThat(scim.contentType()).startsWith("application/scim+json");
        assertThat(scim.jsonBody().get("status").asText()).isEqualTo("429");
        assertThat(scim.jsonBody().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        // three failures a minute: one more is allowed 20 s after the last
        assertThat(scim.header("Retry-After")).hasValue("20");
        HttpResult adminApi = server.get("/api/v1/sources", admin);
        assertThat(adminApi.status()).isEqualTo(429);
        assertThat(adminApi.contentType()).startsWith("application/problem+json");
        assertThat(adminApi.jsonBody().get("status").asInt()).isEqualTo(429);
        assertThat(adminApi.header("Retry-After")).hasValue("20");
        assertThat(server.get("/healthz", null).status()).as("public probes are not throttled").isEqualTo(200);

        server.clock().advance(Duration.ofSeconds(21));
        assertThat(server.get("/scim/v2/Users", hr).status()).isEqualTo(200);
        assertThat(server.get("/scim/v2/Users", GUESS).status()).isEqualTo(401);
        assertThat(server.get("/scim/v2/Users", hr).status()).as("the refilled allowance is used up again").isEqualTo(429);
    }

    @Test
    void eachFailureIsLoggedWithTheAddressAndNeverTheTokenText() {
        server.get("/scim/v2/Users", GUESS);
        server.send(server.request("/api/v1/people", null).header("Authorization", "Basic " + GUESS).GET());

        assertThat(logs.list).hasSize(2);
        assertThat(logs.list).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("bearer authentication failed from 127.0.0.1")
                    .doesNotContain(GUESS).doesNotContain("guessed");
            assertThat(e.getLevel().toString()).isEqualTo("WARN");
        });
        assertThat(logs.list.get(0).getFormattedMessage()).contains("SCIM");
        assertThat(logs.list.get(1).getFormattedMessage()).contains("admin API");
    }

    @Test
    void validTokensAndRequestsWithoutCredentialsDoNotCountAsFailures() {
        for (int i = 0; i < 10; i++) {
            assertThat(server.get("/scim/v2/Users", hr).status()).isEqualTo(200);
            assertThat(server.get("/scim/v2/Users", null).status()).isEqualTo(401);
            // a valid token of the wrong kind is refused, but it is no guess
            assertThat(server.get("/scim/v2/Users", admin).status()).isEqualTo(403);
        }
        assertThat(server.get("/scim/v2/Users", hr).status()).isEqualTo(200);
        assertThat(logs.list).isEmpty();
    }
}
