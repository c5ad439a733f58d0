package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.DeliveryReplays;
import dev.rollcall.delivery.rules.DeliveryDefaults;
import dev.rollcall.delivery.rules.DeliveryQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** /api/v1/deliveries: one delivery with its attempts, and its replay. */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public final class DeliveriesResource {
    private final DeliveryQueries deliveries;
    private final DeliveryReplays replays;
    private final SubscriptionViews views;

    public DeliveriesResource(DeliveryQueries deliveries, DeliveryReplays replays, ObjectMapper json, DeliveryDefaults defaults) {
        this.deliveries = deliveries;
        this.replays = replays;
        this.views = new SubscriptionViews(json, new dev.rollcall.delivery.RulesJson(json), defaults);
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return views.delivery(deliveries.byId(id).orElseThrow(() -> new AdminException(404, "no delivery " + id)), true);
    }

    /** Sends a delivered or dead delivery again, with its original event id; 409 while it is still in flight. */
    @POST
    @Path("{id}/replay")
    public ObjectNode replay(@Context ContainerRequestContext request, @PathParam("id") String id) {
        SubscriptionsResource.call(() -> {
            replays.replay(AdminRequests.actor(request), id);
            return null;
        });
        return get(id);
    }
}
