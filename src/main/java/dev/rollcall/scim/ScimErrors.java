package dev.rollcall.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.schema.SchemaUris;
import jakarta.ws.rs.core.Response;

/** Builds RFC 7644 §3.12 error responses: {@code status} is a string, scimType only where defined. */
public final class ScimErrors {

    private ScimErrors() {
    }

    public static ObjectNode body(int status, String scimType, String detail) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("schemas").add(SchemaUris.ERROR);
        node.put("status", Integer.toString(status));
        if (scimType != null) {
            node.put("scimType", scimType);
        }
        if (detail != null) {
            node.put("detail", detail);
        }
        return node;
    }

    public static Response response(int status, String scimType, String detail) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(ScimMediaType.APPLICATION_SCIM_JSON_TYPE)
                .entity(body(status, scimType, detail));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"rollcall\"");
        }
        return builder.build();
    }

    public static Response response(ScimException e) {
        return response(e.status(), e.scimType(), e.getMessage());
    }
}
