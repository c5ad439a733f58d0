package dev.rollcall.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** SCIM Users with the lifecycle extension, pushed over HTTP, and the person read back from the admin API. */
final class LifecyclePushes {
    static final String LIFECYCLE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** How a test sends requests: (method path body) → result; body null for GET and DELETE. */
    interface Http {
        HttpResult send(String method, String path, String token, Object body);
    }

    private final Http http;
    private final ObjectMapper json;

    /** Pushes through the server of a {@link RollcallServerExtension}. */
    static LifecyclePushes over(RollcallServerExtension server) {
        return new LifecyclePushes((method, path, token, body) -> switch (method) {
            case "GET" -> server.get(path, token);
            case "DELETE" -> server.delete(path, token);
            case "POST" -> server.post(path, token, body);
            case "PUT" -> server.put(path, token, body);
            default -> server.patch(path, token, body);
        }, server.json());
    }

    /**
     * Requests to a server started by the test itself (on 127.0.0.1 at {@code port}), each body sent as
     * {@code contentType}; for tests that restart servers and so cannot use the extension.
     */
    static Http overHttp(HttpClient client, int port, ObjectMapper json, String contentType) {
        String base = "http://127.0.0.1:" + port;
        return (method, path, token, body) -> {
            try {
                HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body));
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                        .method(method, publisher).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                return new HttpResult(response.statusCode(), response, json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    LifecyclePushes(Http http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** An active HRIS employee with a worker id (its name and email derived from it). */
    ObjectNode employee(String userName, String workerId) {
        ObjectNode u = json.createObjectNode();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User").add(ENTERPRISE).add(LIFECYCLE);
        u.put("userName", userName);
        u.put("active", true);
        u.putObject("name").put("givenName", "Given" + workerId).put("familyName", "Family" + workerId);
        u.putArray("emails").addObject().put("value", userName + "@corp.example").put("type", "work").put("primary", true);
        u.putObject(LIFECYCLE).put("workerId", workerId);
        return u;
    }

    /** The same user, terminated: inactive, with a reason when given. */
    static ObjectNode terminated(ObjectNode user, String reason) {
        ObjectNode u = user.deepCopy();
        u.put("active", false);
        if (reason != null) {
            ((ObjectNode) u.get(LIFECYCLE)).put("terminationReason", reason);
        }
        return u;
    }

    JsonNode create(String token, ObjectNode user) {
        return expect(http.send("POST", "/scim/v2/Users", token, user), 201);
    }

    JsonNode replace(String token, JsonNode created, ObjectNode user) {
        return expect(http.send("PUT", "/scim/v2/Users/" + created.get("id").asText(), token, user), 200);
    }

    JsonNode patchActive(String token, JsonNode created, boolean active) {
        String body = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"active","value":%s}]}""".formatted(active);
        return expect(http.send("PATCH", "/scim/v2/Users/" + created.get("id").asText(), token, body), 200);
    }

    void delete(String token, JsonNode created) {
        HttpResult r = http.send("DELETE", "/scim/v2/Users/" + created.get("id").asText(), token, null);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    JsonNode person(String adminToken, String personId) {
        return expect(http.send("GET", "/api/v1/people/" + personId, adminToken, null), 200);
    }

    /** Reads the person until its state is {@code state} (a background pass may be committing), for up to 5 s. */
    JsonNode awaitState(String adminToken, String personId, String state) {
        Instant end = Instant.now().plus(Duration.ofSeconds(5));
        JsonNode p = person(adminToken, personId);
        while (!state.equals(p.path("state").asText()) && Instant.now().isBefore(end)) {
            sleep();
            p = person(adminToken, personId);
        }
        assertThat(p.path("state").asText()).as(p.toString()).isEqualTo(state);
        return p;
    }

    static String personId(JsonNode user) {
        return user.path(LIFECYCLE).path("personId").asText();
    }

    private static JsonNode expect(HttpResult r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.jsonBody();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
