package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.IdentityAdministration;
import dev.rollcall.identity.SourceDirectory;
import dev.rollcall.lifecycle.LifecycleActions;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * /api/v1/people/{id}/lifecycle: what IT does to a person's lifecycle directly (admin:write). Each
 * answers with the person as GET /people/{id} shows it; a state that does not allow it is a 409.
 */
@Path("/api/v1/people/{id}/lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public final class LifecycleResource {
    private final LifecycleActions actions;
    private final IdentityAdministration identity;
    private final SourceDirectory sources;
    private final AdminRequests requests;
    private final PersonDetailViews details;

    public LifecycleResource(LifecycleActions actions, IdentityAdministration identity, SourceDirectory sources,
                             AdminRequests requests, ObjectMapper json) {
        this.actions = actions;
        this.identity = identity;
        this.sources = sources;
        this.requests = requests;
        this.details = new PersonDetailViews(json);
    }

    /** Suspends an active person now (a security incident); body {"reason": ...} is optional. */
    @POST
    @Path("revoke")
    public ObjectNode revoke(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                             @PathParam("id") String id, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, true);
        AdminRequests.onlyFields(in, "reason");
        actions.revoke(AdminRequests.actor(request), id, AdminRequests.optionalText(in, "reason"));
        return person(id);
    }

    /** Gives a person IT revoked its access back (suspended or deprovisioned → active). */
    @POST
    @Path("reinstate")
    public ObjectNode reinstate(@Context ContainerRequestContext request, @PathParam("id") String id) {
        actions.reinstate(AdminRequests.actor(request), id);
        return person(id);
    }

    /** Moves a suspended person's deprovision deadline: exactly one of graceUntil, extendBy, shortenBy. */
    @POST
    @Path("grace")
    public ObjectNode grace(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                            @PathParam("id") String id, InputStream body) {
        ObjectNode in = requests.object(headers.getMediaType(), body, false);
        AdminRequests.onlyFields(in, "graceUntil", "extendBy", "shortenBy");
        if (in.size() != 1) {
            throw new AdminException(400, "give exactly one of 'graceUntil', 'extendBy', 'shortenBy'");
        }
        if (in.has("graceUntil")) {
            actions.setGraceUntil(AdminRequests.actor(request), id, instant(AdminRequests.requiredText(in, "graceUntil")));
        } else if (in.has("extendBy")) {
            actions.shiftGrace(AdminRequests.actor(request), id, duration(in, "extendBy"));
        } else {
            actions.shiftGrace(AdminRequests.actor(request), id, duration(in, "shortenBy").negated());
        }
        return person(id);
    }

    /** Cancels the pending deprovision; the person stays suspended until its source or IT acts. */
    @POST
    @Path("cancel-deprovision")
    public ObjectNode cancelDeprovision(@Context ContainerRequestContext request, @PathParam("id") String id) {
        actions.cancelDeprovision(AdminRequests.actor(request), id);
        return person(id);
    }

    /** Deprovisions a suspended person now. */
    @POST
    @Path("deprovision")
    public ObjectNode deprovision(@Context ContainerRequestContext request, @PathParam("id") String id) {
        actions.deprovision(AdminRequests.actor(request), id);
        return person(id);
    }

    private ObjectNode person(String id) {
        return details.detail(identity.person(id), sources.byId());
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new AdminException(400, "'" + text + "' is not an RFC 3339 date-time such as 2026-12-01T09:00:00Z");
        }
    }

    private static Duration duration(ObjectNode in, String field) {
        String text = AdminRequests.requiredText(in, field);
        Duration d;
        try {
            d = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new AdminException(400, "'" + field + "' must be an ISO-8601 duration such as PT30S, PT12H or P7D");
        }
        if (d.isNegative() || d.isZero()) {
            throw new AdminException(400, "'" + field + "' must be a positive duration");
        }
        return d;
    }
}
