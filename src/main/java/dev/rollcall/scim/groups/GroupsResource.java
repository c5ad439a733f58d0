package dev.rollcall.scim.groups;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Caller;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.scim.http.CallerContext;
import dev.rollcall.scim.http.ETags;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.scim.http.ListResponses;
import dev.rollcall.scim.http.ResourceLocations;
import dev.rollcall.scim.http.ScimBodyReader;
import dev.rollcall.scim.resource.AttributeProjector;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** SCIM /Groups (RFC 7644 §3.2-3.6): the calling source's groups. */
@Path("/scim/v2/Groups")
@Produces({ScimMediaType.APPLICATION_SCIM_JSON, "application/json"})
public final class GroupsResource {
    private static final String GROUP_URN = SchemaUris.GROUP.toLowerCase(Locale.ROOT);
    private final GroupService groups;
    private final GroupRenderer renderer;
    private final AttributeProjector projector;
    private final SchemaRegistry schemas;
    private final ScimBodyReader bodies;
    private final ObjectMapper json;
    private final ScimLimits limits;
    private final ResourceLocations locations;

    public GroupsResource(GroupService groups, GroupRenderer renderer, AttributeProjector projector, SchemaRegistry schemas,
                          ScimBodyReader bodies, ObjectMapper json, ScimLimits limits, ResourceLocations locations) {
        this.groups = groups;
        this.renderer = renderer;
        this.projector = projector;
        this.schemas = schemas;
        this.bodies = bodies;
        this.json = json;
        this.limits = limits;
        this.locations = locations;
    }

    @POST
    public Response create(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                           InputStream body, @QueryParam("attributes") String attributes,
                           @QueryParam("excludedAttributes") String excluded) {
        Caller.SourceCaller caller = CallerContext.source(request);
        GroupView created = groups.create(caller.source(), CallerContext.actor(request), bodies.read(headers.getMediaType(), body));
        return scim(Response.created(URI.create(locations.groups(created.group().id()))), created,
                project(created, attributes, excluded));
    }

    @GET
    @Path("{id}")
    public Response get(@Context ContainerRequestContext request, @PathParam("id") String id,
                        @HeaderParam("If-None-Match") String ifNoneMatch, @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded) {
        GroupView view = groups.get(CallerContext.sourceOf(request), id);
        if (ETags.notModified(ifNoneMatch, view.group().version())) {
            return Response.notModified().tag(new EntityTag(Long.toString(view.group().version()), true)).build();
        }
        return scim(Response.ok(), view, project(view, attributes, excluded));
    }

    @GET
    public Response list(@Context ContainerRequestContext request, @Context UriInfo uri) {
        return listResponse(request, ListParams.fromQuery(uri.getQueryParameters(), limits));
    }

    @POST
    @Path(".search")
    public Response search(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                           InputStream body) {
        ListParams params = ListParams.fromSearchRequest(bodies.read(headers.getMediaType(), body), limits);
        return listResponse(request, params);
    }

    @PUT
    @Path("{id}")
    public Response replace(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body,
                            @QueryParam("attributes") String attributes,
                            @QueryParam("excludedAttributes") String excluded) {
        Caller.SourceCaller caller = CallerContext.source(request);
        GroupView view = groups.replace(caller.source(), CallerContext.actor(request), id, bodies.read(headers.getMediaType(), body), ifMatch);
        return scim(Response.ok(), view, project(view, attributes, excluded));
    }

    @PATCH
    @Path("{id}")
    public Response patch(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                          @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body,
                          @QueryParam("attributes") String attributes,
                          @QueryParam("excludedAttributes") String excluded) {
        Caller.SourceCaller caller = CallerContext.source(request);
        GroupView view = groups.patch(caller.source(), CallerContext.actor(request), id, bodies.read(headers.getMediaType(), body), ifMatch);
        return scim(Response.ok(), view, project(view, attributes, excluded));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context ContainerRequestContext request, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch) {
        Caller.SourceCaller caller = CallerContext.source(request);
        groups.delete(caller.source(), CallerContext.actor(request), id, ifMatch);
        return Response.noContent().build();
    }

    /** Lists the source's groups; also usable by a root /.search for the Group part. */
    Response listResponse(ContainerRequestContext request, ListParams params) {
        boolean withMembers = showsMembers(params.attributes(), params.excludedAttributes());
        Page<GroupView> page = groups.list(CallerContext.sourceOf(request), params, withMembers);
        List<ObjectNode> resources = page.items().stream()
                .map(v -> project(v, params.attributes(), params.excludedAttributes()))
                .toList();
        return ListResponses.response(json, page, resources);
    }

    /**
     * Whether a response with this projection can show members; when it cannot (Okta and Entra list
     * groups with {@code excludedAttributes=members}) they are not even read.
     */
    static boolean showsMembers(String attributes, String excluded) {
        if (excluded != null) {
            for (String e : excluded.split(",")) {
                if (unqualified(e).equals("members")) {
                    return false;
                }
            }
        }
        if (attributes == null) {
            return true;
        }
        for (String a : attributes.split(",")) {
            String name = unqualified(a);
            if (name.equals("members") || name.startsWith("members.") || name.equals(GROUP_URN)) {
                return true;
            }
        }
        return false;
    }

    /** The entry in lower case without the core Group schema URN prefix. */
    private static String unqualified(String entry) {
        String name = entry.trim().toLowerCase(Locale.ROOT);
        return name.startsWith(GROUP_URN + ":") ? name.substring(GROUP_URN.length() + 1) : name;
    }

    private ObjectNode project(GroupView view, String attributes, String excluded) {
        ObjectNode rendered = renderer.render(view, locations::users, locations::groups);
        return projector.project(schemas.group(), rendered, attributes, excluded);
    }

    private static Response scim(Response.ResponseBuilder builder, GroupView view, ObjectNode body) {
        return builder.entity(body).type(ScimMediaType.APPLICATION_SCIM_JSON_TYPE)
                .header(HttpHeaders.ETAG, ETags.of(view.group().version())).build();
    }
}
