package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.SubscriptionTests;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** POST /api/v1/subscriptions/{id}/test: sends a signed subscription.test now and answers what came back. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public final class SubscriptionTestResource {
    private final SubscriptionTests tests;
    private final ObjectMapper json;

    public SubscriptionTestResource(SubscriptionTests tests, ObjectMapper json) {
        this.tests = tests;
        this.json = json;
    }

    /** 200 whatever the receiver answered: {@code accepted} says whether it took it (a 2xx). */
    @POST
    @Path("{id}/test")
    public ObjectNode test(@PathParam("id") String id) {
        SubscriptionTests.Outcome o = SubscriptionsResource.call(() -> tests.send(id));
        ObjectNode out = json.createObjectNode();
        out.put("id", o.messageId());
        out.put("type", SubscriptionTests.TYPE);
        out.put("accepted", o.accepted());
        if (o.statusCode() != null) {
            out.put("statusCode", o.statusCode());
        }
        out.put("latencyMs", o.latencyMs());
        if (o.error() != null) {
            out.put("error", o.error());
        }
        if (o.answer() != null) {
            out.put("answer", o.answer());
        }
        return out;
    }
}
