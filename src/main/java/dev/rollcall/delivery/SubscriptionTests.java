package dev.rollcall.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.TestTargets;
import dev.rollcall.kernel.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code subscription.test}: a delivery-only message (no event of the log, no person, no delivery
 * row, nothing retried) sent once, now, exactly as the dispatcher sends (same body shape, same
 * signature, same SSRF guard and timeout), so that IT can check a receiver end to end. Sent to a
 * disabled subscription too, so it can be checked before it is enabled again.
 */
public final class SubscriptionTests {
    public static final String TYPE = "subscription.test";
    private final TestTargets targets;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final Clock clock;

    public SubscriptionTests(TestTargets targets, Dispatcher dispatcher, ObjectMapper json, Clock clock) {
        this.targets = targets;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    /** What the receiver made of it: a status (null without an answer), the error, the first kilobyte. */
    public record Outcome(String messageId, boolean accepted, Integer statusCode, long latencyMs, String error,
                          String answer) {
    }

    public Outcome send(String subscriptionId) {
        Instant now = Timestamps.now(clock);
        String id = UlidCreator.getUlid(now.toEpochMilli()).toString();
        ClaimedDelivery d = targets.message(subscriptionId, id, TYPE, now, payload(subscriptionId))
                .orElseThrow(() -> new SubscriptionException(404, "no subscription " + subscriptionId));
        if (d.secrets().isEmpty()) {
            throw new SubscriptionException(409, "subscription " + subscriptionId + " has no signing secret");
        }
        long started = System.nanoTime();
        GuardedSender.Result result = dispatcher.sendOnce(d);
        long latencyMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (result instanceof GuardedSender.Answered a) {
            int status = a.answer().status();
            boolean ok = status >= 200 && status < 300;
            return new Outcome(id, ok, status, latencyMs, ok ? null : "HTTP " + status, a.answer().head());
        }
        return new Outcome(id, false, null, latencyMs, ((GuardedSender.Failed) result).error(), null);
    }

    private String payload(String subscriptionId) {
        ObjectNode data = json.createObjectNode();
        data.put("subscriptionId", subscriptionId);
        data.put("message", "A test from Rollcall: no change was made.");
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a test payload could not be written", e);
        }
    }
}
