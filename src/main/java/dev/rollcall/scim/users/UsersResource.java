package dev.rollcall.scim.users;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** SCIM /Users (RFC 7644 §3.2-3.6): the calling source's accounts. */
@Path("/scim/v2/Users")
@Produces({ScimMediaType.APPLICATION_SCIM_JSON, "application/json"})
public final class UsersResource {
    private final UserService users;
    private final UserRenderer renderer;
    private final AttributeProjector projector;
    private final SchemaRegistry schemas;
    private final ScimBodyReader bodies;
    private final ObjectMapper json;
    private final ScimLimits limits;
    private final ResourceLocations locations;

    public UsersResource(UserService users, UserRenderer renderer, AttributeProjector projector, SchemaRegistry schemas,
                         ScimBodyReader bodies, ObjectMapper json, ScimLimits limits, ResourceLocations locations) {
        this.users = users;
        this.renderer = renderer;
        this.projector = projector;
        this.schemas = schemas;
        this.bodies = bodies;
        this.json = json;
        this.limits = limits;
        this.locations = locations;
    }

    @POST
    public Response create(@Context ContainerRequestContext request,
                           @Context HttpHeaders headers, InputStream body,
                           @QueryParam("attributes") String attributes,
                           @QueryParam("excludedAttributes") String excluded) {
        Caller.SourceCaller caller = CallerContext.source(request);
        UserView created = users.create(caller.source(), CallerContext.actor(request), bodies.read(headers.getMediaType(), body));
        ObjectNode rendered = render(created);
        return scim(Response.created(URI.create(locations.users(created.account().id()))), created,
                projector.project(schemas.user(), rendered, attributes, excluded));
    }

    @GET
    @Path("{id}")
    public Response get(@Context ContainerRequestContext request, @PathParam("id") String id,
                        @HeaderParam("If-None-Match") String ifNoneMatch,
                        @QueryParam("attributes") String attributes,
                        @QueryParam("excludedAttributes") String excluded) {
        UserView view = users.get(CallerContext.sourceOf(request), id);
        if (ETags.notModified(ifNoneMatch, view.account().version())) {
            return Response.notModified().tag(new jakarta.ws.rs.core.EntityTag(Long.toString(view.account().version()), true)).build();
        }
        return scim(Response.ok(), view, projector.project(schemas.user(), render(view), attributes, excluded));
    }

    @GET
    public Response list(@Context ContainerRequestContext request, @Context UriInfo uri) {
        ListParams params = ListParams.fromQuery(uri.getQueryParameters(), limits);
        return listResponse(request, params);
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
        UserView view = users.replace(caller.source(), CallerContext.actor(request), id, bodies.read(headers.getMediaType(), body), ifMatch);
        return scim(Response.ok(), view, projector.project(schemas.user(), render(view), attributes, excluded));
    }

    @PATCH
    @Path("{id}")
    public Response patch(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                          @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InputStream body,
                          @QueryParam("attributes") String attributes,
                          @QueryParam("excludedAttributes") String excluded) {
        Caller.SourceCaller caller = CallerContext.source(request);
        UserView view = users.patch(caller.source(), CallerContext.actor(request), id, bodies.read(headers.getMediaType(), body), ifMatch);
        return scim(Response.ok(), view, projector.project(schemas.user(), render(view), attributes, excluded));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context ContainerRequestContext request, @PathParam("id") String id,
                           @HeaderParam("If-Match") String ifMatch) {
        Caller.SourceCaller caller = CallerContext.source(request);
        users.delete(caller.source(), CallerContext.actor(request), id, ifMatch);
        return Response.noContent().build();
    }

    /** Lists the source's users; also serves the root /.search for the User part. */
    Response listResponse(ContainerRequestContext request, ListParams params) {
        Page<UserView> page = users.list(CallerContext.sourceOf(request), params);
        List<ObjectNode> resources = page.items().stream()
                .map(v -> projector.project(schemas.user(), render(v), params.attributes(), params.excludedAttributes()))
                .toList();
        return ListResponses.response(json, page, resources);
    }

    private ObjectNode render(UserView view) {
        return renderer.render(view, locations::users, locations::groups);
    }

    private static Response scim(Response.ResponseBuilder builder, UserView view, ObjectNode body) {
        return builder.entity(body).type(ScimMediaType.APPLICATION_SCIM_JSON_TYPE)
                .header(HttpHeaders.ETAG, ETags.of(view.account().version())).build();
    }
}
