package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.SnapshotView;
import dev.rollcall.delivery.SubscriptionPreview;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * POST /api/v1/subscriptions/{id}/preview?person=ID: the {@code person} member the subscription's
 * payloads would carry for this person now (its mapping applied), and whether its filter lets the
 * person's events through. Sends and changes nothing.
 */
@Path("/api/v1/subscriptions/{id}/preview")
@Produces(MediaType.APPLICATION_JSON)
public final class SubscriptionPreviewResource {
    private final SubscriptionPreview previews;
    private final ObjectMapper json;
    private final SnapshotView views;

    public SubscriptionPreviewResource(SubscriptionPreview previews, ObjectMapper json) {
        this.previews = previews;
        this.json = json;
        this.views = new SnapshotView(json);
    }

    @POST
    public ObjectNode preview(@PathParam("id") String id, @QueryParam("person") String person) {
        SubscriptionPreview.Preview p = SubscriptionsResource.call(() -> previews.preview(id, person));
        ObjectNode out = json.createObjectNode();
        out.put("subscriptionId", p.subscription().id());
        out.put("format", p.subscription().format());
        out.put("announced", p.announced());
        out.put("filterMatches", p.filterMatches());
        out.set("person", views.person(p.person(), p.attributes()));
        return out;
    }
}
