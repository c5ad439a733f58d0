package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.delivery.RulesJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.DeliveryReplays;
import dev.rollcall.delivery.SubscriptionRegistry;
import dev.rollcall.delivery.rules.DeliveryDefaults;
import dev.rollcall.delivery.rules.DeliveryFilter;
import dev.rollcall.delivery.rules.DeliveryPage;
import dev.rollcall.delivery.rules.DeliveryQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A subscription's deliveries: the filtered list (key cursors, newest first) and replay by status and/or time range. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public final class SubscriptionDeliveriesResource {
    private static final String CURSOR_LIST = "deliveries";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;
    private final SubscriptionRegistry registry;
    private final DeliveryQueries deliveries;
    private final DeliveryReplays replays;
    private final AdminRequests requests;
    private final ObjectMapper json;
    private final SubscriptionViews views;

    public SubscriptionDeliveriesResource(SubscriptionRegistry registry, DeliveryQueries deliveries, DeliveryReplays replays,
                                          AdminRequests requests, ObjectMapper json, DeliveryDefaults defaults) {
        this.registry = registry;
        this.deliveries = deliveries;
        this.replays = replays;
        this.requests = requests;
        this.json = json;
        this.views = new SubscriptionViews(json, new RulesJson(json), defaults);
    }

    @GET
    @Path("{id}/deliveries")
    public ObjectNode deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                 @QueryParam("person") String person, @QueryParam("eventType") String eventType,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        DeliveryFilter filter = filter(status, person, eventType, instant("from", from), instant("to", to));
        Long before = Cursors.decode(CURSOR_LIST, cursor);
        int n = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        SubscriptionsResource.call(() -> registry.get(id));
        DeliveryPage page = deliveries.forSubscription(id, filter, before, n);
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        page.items().forEach(d -> items.add(views.delivery(d, false)));
        if (page.nextKey() != null) {
            out.put("nextCursor", Cursors.encode(CURSOR_LIST, page.nextKey()));
        }
        return out;
    }

    /** Sends again, with their original ids, the deliveries that match; at most DeliveryReplays.MAX, audited. */
    @POST
    @Path("{id}/replay")
    public ObjectNode replay(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                             @PathParam("id") String id, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "status", "person", "eventType", "from", "to");
        DeliveryFilter filter = filter(AdminRequests.optionalText(in, "status"), AdminRequests.optionalText(in, "person"),
                AdminRequests.optionalText(in, "eventType"), instant("from", AdminRequests.optionalText(in, "from")),
                instant("to", AdminRequests.optionalText(in, "to")));
        int n = SubscriptionsResource.call(() -> replays.replayMatching(AdminRequests.actor(request), id, filter));
        ObjectNode out = json.createObjectNode();
        out.put("replayed", n);
        return out;
    }

    private static DeliveryFilter filter(String status, String person, String eventType, Instant from, Instant to) {
        try {
            return new DeliveryFilter(status, person, eventType, from, to);
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, e.getMessage());
        }
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new AdminException(400, "'" + field + "' must be a time such as 2026-12-01T09:00:00Z");
        }
    }
}
