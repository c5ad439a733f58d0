package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.RegisteredSource;
import dev.rollcall.identity.SourceAdministration;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.identity.SourceSettingsChanges;
import dev.rollcall.identity.SourceTokens;
import dev.rollcall.web.PublicUrl;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;

/** /api/v1/sources: register sources, list them, rotate and revoke their tokens. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public final class SourcesResource {
    private final SourceAdministration administration;
    private final SourceTokens tokens;
    private final AdminRequests requests;
    private final ObjectMapper json;
    private final SourceViews views;
    private final PublicUrl publicUrl;
    private final SourceSettingsChanges settings;

    public SourcesResource(SourceAdministration administration, SourceTokens tokens, SourceSettingsChanges settings,
                           AdminRequests requests, ObjectMapper json, PublicUrl publicUrl) {
        this.administration = administration;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.tokens = tokens;
        this.requests = requests;
        this.json = json;
        this.views = new SourceViews(json);
    }

    @GET
    public ObjectNode list() {
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        administration.sources().forEach(s -> items.add(views.summary(s)));
        return out;
    }

    @POST
    public Response create(@Context ContainerRequestContext request,
                           @Context HttpHeaders headers, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "name", "kind", "mayCreatePersons", "assertsWorkerIds");
        String name = AdminRequests.requiredText(in, "name");
        SourceKind kind = kind(AdminRequests.requiredText(in, "kind"));
        Boolean mayCreate = AdminRequests.optionalBoolean(in, "mayCreatePersons");
        Boolean asserts = AdminRequests.optionalBoolean(in, "assertsWorkerIds");
        SourceAdministration.IssuedSource issued = administration.addSource(AdminRequests.actor(request), name, kind,
                mayCreate, asserts);
        RegisteredSource state = administration.source(name);
        ObjectNode out = views.detail(state);
        ObjectNode token = views.token(state.tokens().get(0));
        token.put("token", issued.token());
        out.set("token", token);
        return Response.created(location(name)).entity(out).build();
    }

    @GET
    @Path("{name}")
    public ObjectNode get(@PathParam("name") String name) {
        return views.detail(administration.source(name));
    }

    /** Changes what the source is trusted with; today whether its worker ids are strong keys. */
    @PATCH
    @Path("{name}")
    public ObjectNode change(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                             @PathParam("name") String name, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "assertsWorkerIds", "timeZone", "correlationAttribute");
        Boolean asserts = AdminRequests.optionalBoolean(in, "assertsWorkerIds");
        boolean zone = in.has("timeZone");
        boolean correlation = in.has("correlationAttribute");
        if (asserts == null && !zone && !correlation) {
            throw new AdminException(400, "'assertsWorkerIds' (true or false), 'timeZone' (a time zone id or null) or "
                    + "'correlationAttribute' (an attribute or null) is required");
        }
        String zoneId = AdminRequests.optionalText(in, "timeZone");
        String correlationAttribute = AdminRequests.optionalText(in, "correlationAttribute");
        RegisteredSource out = null;
        if (zone) {
            out = settings.setTimeZone(AdminRequests.actor(request), name, zoneId);
        }
        if (correlation) {
            out = settings.setCorrelationAttribute(AdminRequests.actor(request), name, correlationAttribute);
        }
        if (asserts != null) {
            out = settings.setAssertsWorkerIds(AdminRequests.actor(request), name, asserts);
        }
        return views.detail(out);
    }

    @POST
    @Path("{name}/tokens")
    public Response issueToken(@Context ContainerRequestContext request,
                               @Context HttpHeaders headers, @PathParam("name") String name, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, true);
        AdminRequests.onlyFields(in, "name");
        SourceTokens.IssuedToken issued = tokens.issue(AdminRequests.actor(request), name, AdminRequests.optionalText(in, "name"));
        ObjectNode out = views.token(issued.info());
        out.put("token", issued.token());
        return Response.created(location(name + "/tokens/" + issued.info().id()))
                .entity(out).build();
    }

    @DELETE
    @Path("{name}/tokens/{tokenId}")
    public Response revokeToken(@Context ContainerRequestContext request, @PathParam("name") String name,
                                @PathParam("tokenId") String tokenId) {
        tokens.revoke(AdminRequests.actor(request), name, parseId(name, tokenId));
        return Response.noContent().build();
    }

    /** Names are letters, digits, '.', '_' and '-' (RegistryNames), so they need no escaping in a path. */
    private URI location(String underSources) {
        return URI.create(publicUrl.resolve("/api/v1/sources/" + underSources));
    }

    private static long parseId(String source, String tokenId) {
        try {
            return Long.parseLong(tokenId);
        } catch (NumberFormatException e) {
            throw new AdminException(404, "source '" + source + "' has no token " + tokenId);
        }
    }

    private static SourceKind kind(String text) {
        try {
            return SourceKind.fromWireName(text);
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, "'kind' must be hris, idp or crm, not '" + text + "'");
        }
    }
}
