package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.DatabaseFailures;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import dev.rollcall.testing.TcpRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server reaches MariaDB through a relay the test can freeze (no byte passes, connections stay
 * open) or kill (connections closed, new ones refused): requests answer 503 with Retry-After within
 * 2 s in their surface's format, /readyz within 1 s, and every acknowledged write is kept.
 */
class DatabaseOutageTest {
    static final TcpRelay relay = TcpRelay.start();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .databaseUrl(relay::route)
            .env("ROLLCALL_DB_HEALTH_TIMEOUT_MS", "600")
            .env("ROLLCALL_DB_CONNECTION_TIMEOUT_MS", "500")
            .env("ROLLCALL_DB_STATEMENT_TIMEOUT_MS", "1000")
            .source("hr-outage", SourceKind.HRIS)
            .adminToken("it-outage", AdminScope.READ)
            .build();
    @Token("hr-outage") static String hr;
    @Token("it-outage") static String admin;
    static final Duration BOUND = Duration.ofSeconds(2);

    @AfterEach
    void restore() throws InterruptedException {
        relay.restore();
        awaitReady();
    }

    @AfterAll
    static void closeRelay() {
        relay.close();
    }

    @Test
    void aFrozenDatabaseAnswers503WithRetryAfterWithinTwoSeconds() throws InterruptedException {
        assertThat(server.get("/scim/v2/Users", hr).status()).isEqualTo(200);
        relay.freeze();
        assertUnavailable();
    }

    @Test
    void aStoppedDatabaseAnswers503WithRetryAfterWithinTwoSeconds() throws InterruptedException {
        assertThat(server.get("/scim/v2/Users", hr).status()).isEqualTo(200);
        relay.kill();
        assertUnavailable();
    }

    @Test
    void writesAcrossAFreezeAndAStopAreEitherAcknowledgedAndKeptOrRefusedWith503() throws InterruptedException {
        List<String> acknowledged = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 80 && elapsed(start).compareTo(Duration.ofSeconds(8)) < 0; i++) {
            switch (i) {
                case 10 -> relay.freeze();
                case 20, 40 -> relay.restore();
                case 30 -> relay.kill();
                default -> { }
            }
            long t = System.nanoTime();
            HttpResult r = server.post("/scim/v2/Users", hr, "{\"userName\":\"kept-" + i + "@corp.example\"}");
            assertThat(elapsed(t)).as("request %d", i).isLessThan(BOUND);
            statuses.add(r.status());
            if (r.status() == 201) {
                acknowledged.add(r.jsonBody().get("id").asText());
            }
            Thread.sleep(r.status() == 201 ? 0 : 100);
        }
        relay.restore();
        awaitReady();
        assertThat(statuses).containsOnly(201, 503).contains(503);
        assertThat(acknowledged).isNotEmpty();
        for (String id : acknowledged) {
            assertThat(server.get("/scim/v2/Users/" + id, hr).status()).as("acknowledged user %s", id).isEqualTo(200);
        }
    }

    @Test
    void aBulkRequestStopsAtTheFirstOperationThatMeetsTheOutage() throws InterruptedException {
        assertThat(server.get("/scim/v2/Users", hr).status()).isEqualTo(200);
        relay.kill();
        String op = "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"%s\",\"data\":{\"userName\":\"%s@corp.example\"}}";
        HttpResult bulk = timed(() -> server.post("/scim/v2/Bulk", hr, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                + "\"Operations\":[" + op.formatted("a", "bulk-a") + "," + op.formatted("b", "bulk-b") + "]}"));
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.jsonBody().get("Operations")).hasSize(1);
        assertThat(bulk.jsonBody().at("/Operations/0/status").asText()).isEqualTo("503");
        assertThat(bulk.body()).doesNotContain("SQL", "jdbc", "Exception");
    }

    @Test
    void noStatementRunsPastTheStatementTimeout() {
        long t = System.nanoTime();
        assertThatThrownBy(() -> server.services().database().dsl().fetch("SELECT SLEEP(5)"))
                .satisfies(e -> assertThat(DatabaseFailures.isUnavailable(e)).isTrue());
        assertThat(elapsed(t)).isLessThan(Duration.ofSeconds(3));
    }

    private void assertUnavailable() {
        HttpResult users = timed(() -> server.get("/scim/v2/Users", hr));
        assertThat(users.status()).isEqualTo(503);
        assertThat(users.header("Retry-After")).isPresent();
        assertThat(users.jsonBody().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(users.jsonBody().get("status").asText()).isEqualTo("503");

        HttpResult create = timed(() -> server.post("/scim/v2/Users", hr, "{\"userName\":\"down@corp.example\"}"));
        assertThat(create.status()).isEqualTo(503);
        assertThat(create.header("Retry-After")).isPresent();

        HttpResult people = timed(() -> server.get("/api/v1/people", admin));
        assertThat(people.status()).isEqualTo(503);
        assertThat(people.header("Retry-After")).isPresent();
        assertThat(people.contentType()).startsWith("application/problem+json");
        assertThat(people.jsonBody().get("status").asInt()).isEqualTo(503);
        assertThat(people.body()).doesNotContain("SQL", "jdbc", "Exception");

        // readiness follows the health ping (two per health timeout); every answer comes within 1 s
        long since = System.nanoTime();
        int ready;
        do {
            long t = System.nanoTime();
            ready = server.get("/readyz", null).status();
            assertThat(elapsed(t)).isLessThan(Duration.ofSeconds(1));
        } while (ready != 503 && elapsed(since).compareTo(BOUND) < 0);
        assertThat(ready).isEqualTo(503);
        assertThat(server.get("/healthz", null).status()).isEqualTo(200);
    }

    private static HttpResult timed(Supplier<HttpResult> request) {
        long t = System.nanoTime();
        HttpResult r = request.get();
        assertThat(elapsed(t)).isLessThan(BOUND);
        return r;
    }

    /** Until ready and a request gets through (a connection broken by the outage can still fail one request). */
    private static void awaitReady() throws InterruptedException {
        long start = System.nanoTime();
        while ((server.get("/readyz", null).status() != 200 || server.get("/scim/v2/Users", hr).status() != 200)
                && elapsed(start).compareTo(Duration.ofSeconds(10)) < 0) {
            Thread.sleep(100);
        }
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
