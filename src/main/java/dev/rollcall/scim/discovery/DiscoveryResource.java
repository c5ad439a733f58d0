package dev.rollcall.scim.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.scim.http.ResourceLocations;
import dev.rollcall.schema.SchemaRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

    private final ResourceLocations locations;

    public DiscoveryResource(SchemaRegistry registry, ScimLimits limits, ObjectMapper mapper, ResourceLocations locations) {
        this.documents = new DiscoveryDocuments(registry, limits, mapper);
        this.locations = locations;
    }

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig(@QueryParam("filter") String filter) {
        refuseFilter(filter);
        return scim(documents.serviceProviderConfig(locations.scimBase()));
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes(@QueryParam("filter") String filter) {
        refuseFilter(filter);
        return scim(documents.listResponse(documents.resourceTypes(locations.scimBase())));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@PathParam("name") String name, @QueryParam("filter") String filter) {
        refuseFilter(filter);
        return scim(documents.resourceType(locations.scimBase(), name)
                .orElseThrow(() -> ScimException.notFound("Resource type " + name + " not found")));
    }

    @GET
    @Path("Schemas")
    public Response schemas(@QueryParam("filter") String filter) {
        refuseFilter(filter);
        return scim(documents.listResponse(documents.schemas(locations.scimBase())));
    }

    @GET
    @Path("Schemas/{id}")
    public Response schema(@PathParam("id") String id, @QueryParam("filter") String filter) {
        refuseFilter(filter);
        return scim(documents.schema(locations.scimBase(), id)
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

    private static Response scim(ObjectNode body) {
        return Response.ok(body, ScimMediaType.APPLICATION_SCIM_JSON_TYPE).build();
    }
}
