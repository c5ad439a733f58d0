package dev.rollcall.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.RulesJson;
import dev.rollcall.delivery.SubscriptionChange;
import dev.rollcall.delivery.SubscriptionException;
import dev.rollcall.delivery.SubscriptionRegistry;
import dev.rollcall.delivery.rules.DeliveryDefaults;
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
import dev.rollcall.web.PublicUrl;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** /api/v1/subscriptions: the webhook registry (deliveries and replays: SubscriptionDeliveriesResource). */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public final class SubscriptionsResource {
    private final SubscriptionRegistry registry;
    private final AdminRequests requests;
    private final ObjectMapper json;
    private final RulesJson rules;
    private final SubscriptionViews views;
    private final PublicUrl publicUrl;

    public SubscriptionsResource(SubscriptionRegistry registry, AdminRequests requests,
                                 ObjectMapper json, PublicUrl publicUrl, DeliveryDefaults defaults) {
        this.registry = registry;
        this.requests = requests;
        this.json = json;
        this.rules = new RulesJson(json);
        this.views = new SubscriptionViews(json, rules, defaults);
        this.publicUrl = publicUrl;
    }

    @GET
    public ObjectNode list() {
        ObjectNode out = json.createObjectNode();
        ArrayNode items = out.putArray("items");
        registry.all().forEach(s -> items.add(views.subscription(s)));
        return out;
    }

    /** The answer carries the signing secret, this once. */
    @POST
    public Response create(@Context ContainerRequestContext request, @Context HttpHeaders headers, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "name", "url", "eventTypes", "format", "attributeMapping", "personFilter", "signing",
                "timeout", "maxAttempts");
        List<String> types = types(in);
        if (types == null) {
            throw new AdminException(400, "'eventTypes' is required");
        }
        SubscriptionRegistry.Options options = new SubscriptionRegistry.Options(AdminRequests.optionalText(in, "format"),
                rules(() -> rules.mapping(in.get("attributeMapping"))), rules(() -> rules.filter(in.get("personFilter"))),
                AdminRequests.optionalText(in, "signing"), LimitFields.orNull(LimitFields.timeout(in)),
                LimitFields.orNull(LimitFields.maxAttempts(in)));
        SubscriptionRegistry.Created created = call(() -> registry.create(AdminRequests.actor(request),
                AdminRequests.requiredText(in, "name"), AdminRequests.requiredText(in, "url"), types, options));
        ObjectNode out = views.subscription(created.subscription());
        out.put("secret", created.secret());
        return Response.created(URI.create(publicUrl.resolve("/api/v1/subscriptions/" + created.subscription().id())))
                .entity(out).build();
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return views.subscription(call(() -> registry.get(id)));
    }

    /**
     * Changes name, url, eventTypes, enabled, attributeMapping, personFilter, signing, timeout and
     * maxAttempts; members left out stay as they are.
     */
    @PATCH
    @Path("{id}")
    public ObjectNode update(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                             @PathParam("id") String id, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "name", "url", "eventTypes", "enabled", "attributeMapping", "personFilter", "signing",
                "timeout", "maxAttempts");
        SubscriptionChange change = new SubscriptionChange(nonBlank(in, "name"), nonBlank(in, "url"), types(in),
                AdminRequests.optionalBoolean(in, "enabled"),
                in.has("attributeMapping") ? rules(() -> rules.mapping(in.get("attributeMapping"))) : null,
                in.has("personFilter") ? rules(() -> rules.filter(in.get("personFilter"))) : null,
                AdminRequests.optionalText(in, "signing"), LimitFields.timeout(in), LimitFields.maxAttempts(in));
        return views.subscription(call(() -> registry.update(AdminRequests.actor(request), id, change)));
    }

    @POST
    @Path("{id}/disable")
    public ObjectNode disable(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return views.subscription(call(() -> registry.update(AdminRequests.actor(request), id,
                SubscriptionChange.enabled(false))));
    }

    @POST
    @Path("{id}/enable")
    public ObjectNode enable(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return views.subscription(call(() -> registry.update(AdminRequests.actor(request), id,
                SubscriptionChange.enabled(true))));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@Context ContainerRequestContext request, @PathParam("id") String id) {
        call(() -> {
            registry.delete(AdminRequests.actor(request), id);
            return null;
        });
        return Response.noContent().build();
    }

    private static String nonBlank(ObjectNode in, String field) {
        String v = AdminRequests.optionalText(in, field);
        if (v != null && v.isBlank()) {
            throw new AdminException(400, "'" + field + "' must not be empty");
        }
        return v;
    }

    /** An array of strings, or null when absent. */
    private static List<String> types(ObjectNode in) {
        JsonNode v = in.get("eventTypes");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new AdminException(400, "'eventTypes' must be an array of event types, e.g. [\"person.*\"]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode t : v) {
            if (!t.isTextual()) {
                throw new AdminException(400, "'eventTypes' must contain strings only");
            }
            out.add(t.asText());
        }
        return out;
    }

    /** A mapping or filter document; a bad one is a 400 naming the member at fault. */
    private static <T> T rules(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, e.getMessage());
        }
    }

    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (SubscriptionException e) {
            throw new AdminException(e.status(), e.getMessage());
        }
    }
}
