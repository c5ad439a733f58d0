package dev.rollcall.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent writes to /Users: uniqueness holds, no update is lost, If-Match lets exactly one writer win. */
class UsersConcurrencyHttpTest {
    static final int WRITERS = 8;
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .build();
    @Token("workday") static String token;
    static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    static List<HttpResult> concurrently(IntFunction<HttpResult> request) {
        List<CompletableFuture<HttpResult>> futures = IntStream.range(0, WRITERS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> request.apply(i), pool)).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    static List<Integer> statuses(List<HttpResult> results) {
        return results.stream().map(HttpResult::status).toList();
    }

    @Test
    void concurrentCreatesWithTheSameUserNameGiveOne201AndOnly409s() {
        List<HttpResult> results = concurrently(i -> server.post("/scim/v2/Users", token,
                "{\"userName\":\"race@corp.example\",\"externalId\":\"race-" + i + "\"}"));
        assertThat(statuses(results)).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses(results)).filteredOn(s -> s != 201).containsOnly(409);
        results.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("uniqueness"));
    }

    @Test
    void concurrentCreatesWithTheSameExternalIdAreAllStored() {
        // externalId is not unique (RFC 7643 §3.1): only userName can make a create lose
        List<HttpResult> results = concurrently(i -> server.post("/scim/v2/Users", token,
                "{\"userName\":\"ext-race-" + i + "@corp.example\",\"externalId\":\"same-worker\"}"));
        assertThat(statuses(results)).containsOnly(201);
        assertThat(server.get("/scim/v2/Users?filter=externalId%20eq%20%22same-worker%22", token).jsonBody()
                .get("totalResults").asInt()).isEqualTo(WRITERS);
    }

    @Test
    void concurrentPatchesWithoutIfMatchAreAllApplied() {
        String id = server.post("/scim/v2/Users", token, "{\"userName\":\"busy@corp.example\"}").jsonBody().get("id").asText();
        List<HttpResult> results = concurrently(i -> server.patch("/scim/v2/Users/" + id, token,
                "{\"Operations\":[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"e" + i + "@corp.example\"}]}]}"));
        assertThat(statuses(results)).containsOnly(200);
        JsonNode user = server.get("/scim/v2/Users/" + id, token).jsonBody();
        assertThat(user.get("emails")).hasSize(WRITERS);
        assertThat(user.at("/meta/version").asText()).isEqualTo("W/\"" + (WRITERS + 1) + "\"");
    }

    @Test
    void concurrentPatchesWithTheSameIfMatchLetExactlyOneWin() {
        String id = server.post("/scim/v2/Users", token, "{\"userName\":\"contested@corp.example\"}").jsonBody().get("id").asText();
        List<HttpResult> results = concurrently(i -> server.send(server.request("/scim/v2/Users/" + id, token)
                .header("Content-Type", "application/scim+json").header("If-Match", "W/\"1\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"t" + i + "\"}]}"))));
        assertThat(statuses(results)).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses(results)).filteredOn(s -> s != 200).containsOnly(412);
        HttpResult winner = results.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        JsonNode user = server.get("/scim/v2/Users/" + id, token).jsonBody();
        assertThat(user.get("title").asText()).isEqualTo(winner.jsonBody().get("title").asText());
        assertThat(user.at("/meta/version").asText()).isEqualTo("W/\"2\"");
    }

    @Test
    void concurrentDeletesGiveOne204AndOnly404s() {
        String id = server.post("/scim/v2/Users", token, "{\"userName\":\"leaving@corp.example\"}").jsonBody().get("id").asText();
        List<HttpResult> results = concurrently(i -> server.delete("/scim/v2/Users/" + id, token));
        assertThat(statuses(results)).filteredOn(s -> s == 204).hasSize(1);
        assertThat(statuses(results)).filteredOn(s -> s != 204).containsOnly(404);
    }
}
