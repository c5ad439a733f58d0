package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/v1/event-types: what subscriptions can receive, each with the JSON Schema of its body. */
@Path("/api/v1/event-types")
@Produces(MediaType.APPLICATION_JSON)
public final class EventTypesResource {
    private final EventCatalogue catalogue;
    private final ObjectMapper json;

    public EventTypesResource(EventCatalogue catalogue, ObjectMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    @GET
    public ObjectNode list() {
        ObjectNode out = json.createObjectNode();
        out.set("items", catalogue.items());
        return out;
    }
}
