package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.scim.http.CallerContext;
import dev.rollcall.scim.http.ResourceLocations;
import dev.rollcall.scim.http.ScimBodyReader;
import dev.rollcall.schema.SchemaUris;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * SCIM /Bulk (RFC 7644 §3.7). The body limit (maxPayloadSize) is the body reader's; the operation
 * limit is the request reader's. The response is 200 whenever the request was a readable
 * BulkRequest, with each operation's own status inside.
 */
@Path("/scim/v2/Bulk")
@Produces({ScimMediaType.APPLICATION_SCIM_JSON, "application/json"})
public final class BulkResource {
    private final BulkProcessor processor;
    private final BulkRequestReader requests;
    private final ScimBodyReader bodies;
    private final ObjectMapper json;

    private final ResourceLocations locations;

    public BulkResource(BulkProcessor processor, BulkRequestReader requests, ScimBodyReader bodies, ObjectMapper json,
                        ResourceLocations locations) {
        this.locations = locations;
        this.processor = processor;
        this.requests = requests;
        this.bodies = bodies;
        this.json = json;
    }

    @POST
    public Response bulk(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                         InputStream body) {
        Source source = CallerContext.sourceOf(request);
        BulkRequest bulk = requests.read(bodies.read(headers.getMediaType(), body));
        List<BulkResult> results = processor.process(source, CallerContext.actor(request), bulk);
        ObjectNode out = json.createObjectNode();
        out.putArray("schemas").add(SchemaUris.BULK_RESPONSE);
        ArrayNode operations = out.putArray("Operations");
        String scimBase = locations.scimBase();
        results.forEach(r -> r.toJson(operations.addObject(), scimBase));
        return Response.ok(out).type(ScimMediaType.APPLICATION_SCIM_JSON_TYPE).build();
    }
}
