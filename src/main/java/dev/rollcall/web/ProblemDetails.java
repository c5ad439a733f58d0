package dev.rollcall.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details for everything that is not SCIM. */
public final class ProblemDetails {
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    private ProblemDetails() {
    }

    public static ObjectNode body(int status, String detail, String correlationId) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "about:blank");
        Response.Status known = Response.Status.fromStatusCode(status);
        node.put("title", known == null ? "Error" : known.getReasonPhrase());
        node.put("status", status);
        if (detail != null) {
            node.put("detail", detail);
        }
        if (correlationId != null) {
            node.put("correlationId", correlationId);
        }
        return node;
    }

    public static Response response(int status, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status, detail, null)).build();
    }
}
