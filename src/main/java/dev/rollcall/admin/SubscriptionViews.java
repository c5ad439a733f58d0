package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.RulesJson;
import dev.rollcall.delivery.rules.AttemptRecord;
import dev.rollcall.delivery.rules.DeliveryDefaults;
import dev.rollcall.delivery.rules.DeliveryView;
import dev.rollcall.delivery.rules.Subscription;
import java.time.Instant;

/** Subscriptions and deliveries as the admin API shows them; a secret only ever appears in the create answer. */
final class SubscriptionViews {
    private final ObjectMapper json;
    private final RulesJson rules;
    private final DeliveryDefaults defaults;

    /** {@code defaults}: the server's timeout and maximum of attempts, shown for subscriptions without their own. */
    SubscriptionViews(ObjectMapper json, RulesJson rules, DeliveryDefaults defaults) {
        this.json = json;
        this.rules = rules;
        this.defaults = defaults;
    }

    ObjectNode subscription(Subscription s) {
        ObjectNode out = json.createObjectNode();
        out.put("id", s.id());
        out.put("name", s.name());
        out.put("url", s.url());
        ArrayNode types = out.putArray("eventTypes");
        s.eventTypes().patterns().forEach(types::add);
        out.put("format", s.format());
        out.put("signing", s.signing());
        out.set("attributeMapping", rules.toTree(s.mapping()));
        out.set("personFilter", rules.toTree(s.filter()));
        out.put("enabled", s.enabled());
        if (s.disabledReason() != null) {
            out.put("disabledReason", s.disabledReason());
        }
        out.put("timeout", s.limits().timeoutOr(defaults.timeout()).toString());
        out.put("maxAttempts", s.limits().maxAttemptsOr(defaults.maxAttempts()));
        time(out, "failingSince", s.failingSince());
        out.put("created", s.createdAt().toString());
        out.put("updated", s.updatedAt().toString());
        return out;
    }

    ObjectNode delivery(DeliveryView d, boolean withAttempts) {
        ObjectNode out = json.createObjectNode();
        out.put("id", d.id());
        out.put("subscriptionId", d.subscriptionId());
        out.put("eventId", d.eventId());
        out.put("eventType", d.eventType());
        if (d.personId() != null) {
            out.put("personId", d.personId());
            out.put("sequence", d.personSeq());
        }
        out.put("status", d.status());
        out.put("attempts", d.attempts());
        out.put("replays", d.replays());
        time(out, "nextAttemptAt", d.nextAttemptAt());
        if (d.lastError() != null) {
            out.put("lastError", d.lastError());
        }
        time(out, "created", d.createdAt());
        time(out, "finished", d.finishedAt());
        if (withAttempts) {
            ArrayNode attempts = out.putArray("attemptLog");
            d.attemptLog().forEach(a -> attempts.add(attempt(a)));
        }
        return out;
    }

    private ObjectNode attempt(AttemptRecord a) {
        ObjectNode out = json.createObjectNode();
        out.put("at", a.at().toString());
        out.put("latencyMs", a.latencyMs());
        if (a.statusCode() != null) {
            out.put("statusCode", a.statusCode());
        }
        if (a.error() != null) {
            out.put("error", a.error());
        }
        if (a.answer() != null) {
            out.put("answer", a.answer());
        }
        return out;
    }

    private static void time(ObjectNode out, String field, Instant at) {
        if (at != null) {
            out.put(field, at.toString());
        }
    }
}
