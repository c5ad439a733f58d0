package dev.rollcall.scim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.schema.SchemaUris;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** RFC 7644 §3.4.2 ListResponse bodies. */
public final class ListResponses {
    private ListResponses() {
    }

    /** The ListResponse as an HTTP 200 in the SCIM media type. */
    public static Response response(ObjectMapper json, Page<?> page, List<ObjectNode> resources) {
        return Response.ok(of(json, page, resources)).type(ScimMediaType.APPLICATION_SCIM_JSON_TYPE).build();
    }

    public static ObjectNode of(ObjectMapper json, Page<?> page, List<ObjectNode> resources) {
        ObjectNode out = json.createObjectNode();
        out.putArray("schemas").add(SchemaUris.LIST_RESPONSE);
        out.put("totalResults", page.totalResults());
        out.put("itemsPerPage", resources.size());
        out.put("startIndex", page.startIndex());
        ArrayNode array = out.putArray("Resources");
        resources.forEach(array::add);
        return out;
    }
}
