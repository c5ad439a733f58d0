package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Subscriptions, SCIM pushes and bounded waits on the movable clock, for the delivery tests. */
final class DeliveryFixture {
    private static final int ROUNDS = 150;
    private final RollcallServerExtension server;
    private final String writer;
    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final Map<WebhookReceiver, String> secrets = new HashMap<>();

    DeliveryFixture(RollcallServerExtension server, String writer) {
        this.server = server;
        this.writer = writer;
    }

    WebhookReceiver receiver() {
        WebhookReceiver r = new WebhookReceiver();
        receivers.add(r);
        return r;
    }

    /** Creates a subscription for the receiver (its verifier gets the secret) and returns its id. */
    String subscribe(WebhookReceiver receiver, String... types) {
        return subscribeAt(receiver, receiver.url(), types);
    }

    String subscribeAt(WebhookReceiver receiver, String url, String... types) {
        ObjectNode body = server.json().createObjectNode();
        body.put("name", "lms-" + receivers.size());
        body.put("url", url);
        var arr = body.putArray("eventTypes");
        for (String t : types) {
            arr.add(t);
        }
        HttpResult r = server.post("/api/v1/subscriptions", writer, body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        receiver.secret(r.jsonBody().get("secret").asText());
        secrets.put(receiver, r.jsonBody().get("secret").asText());
        return r.jsonBody().get("id").asText();
    }

    /** The secret shown when the receiver's subscription was created. */
    String secretOf(WebhookReceiver receiver) {
        return secrets.get(receiver);
    }

    /** An HRIS employee; returns the SCIM id. */
    String hire(String token, String userName, String workerId) {
        ObjectNode u = server.json().createObjectNode();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", userName);
        u.putObject("name").put("givenName", userName).put("familyName", "Tester");
        if (workerId != null) {
            u.putObject("urn:rollcall:scim:schemas:extension:lifecycle:1.0:User").put("workerId", workerId);
        }
        HttpResult r = server.post("/scim/v2/Users", token, u.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }

    void rename(String token, String userId, String title) {
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"title\",\"value\":\"" + title + "\"}]}";
        HttpResult r = server.patch("/scim/v2/Users/" + userId, token, patch);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    List<JsonNode> deliveries(String reader, String subscriptionId, String status) {
        HttpResult r = server.get("/api/v1/subscriptions/" + subscriptionId + "/deliveries"
                + (status == null ? "" : "?status=" + status), reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.jsonBody().get("items").forEach(out::add);
        return out;
    }

    /** Waits (bounded: 150 rounds of 40 ms) for the condition, moving the clock by {@code step} each round. */
    void eventually(Duration step, BooleanSupplier condition) {
        for (int i = 0; i < ROUNDS; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            server.clock().advance(step);
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        assertThat(condition.getAsBoolean()).as("condition within " + ROUNDS + " rounds").isTrue();
    }

    /** Deletes every subscription (their deliveries go with them) and stops the receivers. */
    void cleanUp() {
        server.get("/api/v1/subscriptions", writer).jsonBody().get("items")
                .forEach(s -> server.delete("/api/v1/subscriptions/" + s.get("id").asText(), writer));
        receivers.forEach(WebhookReceiver::close);
        receivers.clear();
    }
}
