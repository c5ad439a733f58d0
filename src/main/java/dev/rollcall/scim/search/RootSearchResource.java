package dev.rollcall.scim.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.scim.http.CallerContext;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.scim.http.ListResponses;
import dev.rollcall.scim.http.ScimBodyReader;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** POST /scim/v2/.search: a SearchRequest over all resource types of the calling source. */
@Path("/scim/v2/.search")
@Produces({ScimMediaType.APPLICATION_SCIM_JSON, "application/json"})
public final class RootSearchResource {
    private final RootSearch search;
    private final ScimBodyReader bodies;
    private final ObjectMapper json;
    private final ScimLimits limits;

    public RootSearchResource(RootSearch search, ScimBodyReader bodies, ObjectMapper json, ScimLimits limits) {
        this.search = search;
        this.bodies = bodies;
        this.json = json;
        this.limits = limits;
    }

    @POST
    public Response search(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                           InputStream body) {
        ListParams params = ListParams.fromSearchRequest(bodies.read(headers.getMediaType(), body), limits);
        Page<ObjectNode> page = search.search(CallerContext.sourceOf(request), params);
        return ListResponses.response(json, page, page.items());
    }
}
