package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.rules.HealthQueries;
import dev.rollcall.delivery.rules.SubscriptionHealth;
import dev.rollcall.identity.SourceDirectory;
import dev.rollcall.web.SourceActivity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * GET /api/v1/health/integrations: per subscription what is owed and how it went in the last hour
 * (from the database, so the same on every instance); per source its SCIM requests as this instance
 * saw them since it started (in memory, see SourceActivity).
 */
@Path("/api/v1/health/integrations")
@Produces(MediaType.APPLICATION_JSON)
public final class IntegrationsHealthResource {
    private final HealthQueries health;
    private final SourceDirectory sources;
    private final SourceActivity activity;
    private final ObjectMapper json;
    private final Clock clock;

    public IntegrationsHealthResource(HealthQueries health, SourceDirectory sources, SourceActivity activity,
                                      ObjectMapper json, Clock clock) {
        this.health = health;
        this.sources = sources;
        this.activity = activity;
        this.json = json;
        this.clock = clock;
    }

    @GET
    public ObjectNode get() {
        Instant now = clock.instant();
        ObjectNode out = json.createObjectNode();
        out.put("at", now.toString());
        ArrayNode subs = out.putArray("subscriptions");
        for (SubscriptionHealth h : health.subscriptions(now)) {
            ObjectNode s = subs.addObject();
            s.put("id", h.id());
            s.put("name", h.name());
            s.put("enabled", h.enabled());
            if (h.disabledReason() != null) {
                s.put("disabledReason", h.disabledReason());
            }
            s.put("pending", h.pending());
            if (h.oldestPendingAt() != null) {
                s.put("oldestPendingAgeSeconds", Math.max(0, Duration.between(h.oldestPendingAt(), now).toSeconds()));
            }
            time(s, "failingSince", h.failingSince());
            time(s, "lastSuccess", h.lastSuccessAt());
            ObjectNode hour = s.putObject("lastHour");
            hour.put("attempts", h.attemptsLastHour());
            hour.put("accepted", h.successesLastHour());
            if (h.successRate() != null) {
                hour.put("successRate", h.successRate());
            }
        }
        ObjectNode src = out.putObject("sources");
        src.put("scope", "this instance");
        src.put("since", activity.since().toString());
        ArrayNode items = src.putArray("items");
        sources.registered().forEach(r -> {
            SourceActivity.Snapshot a = activity.of(r.source().name());
            ObjectNode o = items.addObject();
            o.put("name", r.source().name());
            o.put("kind", r.source().kind().wireName());
            time(o, "lastRequest", a.lastRequest());
            time(o, "lastPush", a.lastPush());
            o.put("requests", a.requests());
            o.put("clientErrors", a.clientErrors());
            o.put("serverErrors", a.serverErrors());
        });
        return out;
    }

    private static void time(ObjectNode out, String field, Instant at) {
        if (at != null) {
            out.put(field, at.toString());
        }
    }
}
