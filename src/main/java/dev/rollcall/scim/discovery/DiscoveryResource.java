package dev.rollcall.scim.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.schema.SchemaRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * SCIM discovery (RFC 7644 §4) and the unsupported {@code /Me} alias. Paging and sorting
 * parameters are ignored here as §4 requires; a {@code filter} is refused with 403, as §4
 * recommends, so that no client takes an unfiltered list for a filtered one.
 */
@Path("/scim/v2")
// application/json is accepted in Accept for clients that ask for it, but the body is always
// labelled application/scim+json (explicit type on every Response).
@Produces({ScimMediaType.APPLICATION_SCIM_JSON, MediaType.APPLICATION_JSON})
public class DiscoveryResource {
    private final DiscoveryDocuments documents;

    public DiscoveryResource(SchemaRegistry registry, ScimLimits limits, ObjectMapper mapper) {
        this.documents = new DiscoveryDocuments(registry, limits, mapper);
    }

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig(@QueryParam("filter") String filter, @Context UriInfo uri) {
        refuseFilter(filter);
        return scim(documents.serviceProviderConfig(scimBase(uri)));
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes(@QueryParam("filter") String filter, @Context UriInfo uri) {
        refuseFilter(filter);
        return scim(documents.listResponse(documents.resourceTypes(scimBase(uri))));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@PathParam("name") String name, @QueryParam("filter") String filter,
                                 @Context UriInfo uri) {
        refuseFilter(filter);
        return scim(documents.resourceType(scimBase(uri), name)
                .orElseThrow(() -> ScimException.notFound("Resource type " + name + " not found")));
    }

    @GET
    @Path("Schemas")
    public Response schemas(@QueryParam("filter") String filter, @Context UriInfo uri) {
        refuseFilter(filter);
        return scim(documents.listResponse(documents.schemas(scimBase(uri))));
    }

    @GET
    @Path("Schemas/{id}")
    public Response schema(@PathParam("id") String id, @QueryParam("filter") String filter, @Context UriInfo uri) {
        refuseFilter(filter);
        return scim(documents.schema(scimBase(uri), id)
                .orElseThrow(() -> ScimException.notFound("Schema " + id + " not found")));
    }

    /**
     * {@code /Me} and anything below it, for every HTTP method: a sub-resource locator matches
     * regardless of method, so one place answers 501. A source token belongs to a system, not to
     * a person, so there is no "me" to resolve.
     */
    @Path("{me: Me(/.*)?}")
    public Object me() {
        throw new ScimException(501, null,
                "/Me is not supported: Rollcall's bearer tokens identify provisioning sources, not users");
    }

    private static void refuseFilter(String filter) {
        if (filter != null) {
            throw new ScimException(403, null, "Discovery endpoints do not support filtering (RFC 7644 section 4)");
        }
    }

    /** Absolute {@code .../scim/v2} as the client addressed us, without a trailing slash. */
    private static String scimBase(UriInfo uri) {
        String base = uri.getBaseUriBuilder().path(DiscoveryResource.class).build().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static Response scim(ObjectNode body) {
        return Response.ok(body, ScimMediaType.APPLICATION_SCIM_JSON_TYPE).build();
    }
}
