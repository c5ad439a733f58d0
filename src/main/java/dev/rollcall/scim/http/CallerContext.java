package dev.rollcall.scim.http;

import dev.rollcall.events.Actor;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.ScimException;
import dev.rollcall.web.RequestContext;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The authenticated source of a SCIM request, as left on the request by the auth filter. */
public final class CallerContext {

    private CallerContext() {
    }

    public static Caller.SourceCaller source(ContainerRequestContext request) {
        if (RequestContext.caller(request) instanceof Caller.SourceCaller sc) {
            return sc;
        }
        throw new ScimException(401, null, "a valid source token is required");
    }

    public static Source sourceOf(ContainerRequestContext request) {
        return source(request).source();
    }

    /** The calling source as the actor of a change, with the request's correlation id. */
    public static Actor actor(ContainerRequestContext request) {
        return RequestContext.actor(request, source(request));
    }
}
