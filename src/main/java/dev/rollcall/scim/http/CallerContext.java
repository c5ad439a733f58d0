package dev.rollcall.scim.http;

import dev.rollcall.identity.Caller;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.ScimException;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The authenticated source of a SCIM request, as left on the request by the auth filter. */
public final class CallerContext {
    /** Same key as the auth filter's; kept here so the SCIM layer does not depend on app wiring. */
    public static final String CALLER_PROPERTY = "rollcall.caller";

    private CallerContext() {
    }

    public static Caller.SourceCaller source(ContainerRequestContext request) {
        Object caller = request.getProperty(CALLER_PROPERTY);
        if (caller instanceof Caller.SourceCaller sc) {
            return sc;
        }
        throw new ScimException(401, null, "a valid source token is required");
    }

    public static Source sourceOf(ContainerRequestContext request) {
        return source(request).source();
    }
}
