package dev.rollcall.app.http;

import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.Surfaces;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.Caller;
import dev.rollcall.scim.ScimErrors;
import dev.rollcall.web.RequestContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Authenticates every SCIM and admin request by its bearer token: SCIM takes source tokens,
 * the admin API takes admin tokens (reads need admin:read, writes admin:write). Health probes
 * and the JWKS are public. The caller is left on the request for the resources.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter implements ContainerRequestFilter {
    private final CallerLookup lookup;

    public BearerAuthFilter(CallerLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean scim = Surfaces.isScim(path);
        boolean admin = Surfaces.isAdmin(path);
        if (!scim && !admin) {
            return;
        }
        Optional<Caller> caller = bearerToken(request).flatMap(lookup::find);
        if (caller.isEmpty()) {
            request.abortWith(scim
                    ? ScimErrors.response(401, null, "a valid bearer token is required")
                    : withChallenge(ProblemDetails.response(401, "a valid bearer token is required")));
            return;
        }
        if (scim && !(caller.get() instanceof Caller.SourceCaller)) {
            request.abortWith(ScimErrors.response(403, null, "SCIM requires a source token"));
            return;
        }
        if (admin) {
            if (!(caller.get() instanceof Caller.AdminCaller adminCaller)) {
                request.abortWith(ProblemDetails.response(403, "the admin API requires an admin token"));
                return;
            }
            AdminScope needed = isRead(request.getMethod()) ? AdminScope.READ : AdminScope.WRITE;
            if (!adminCaller.scope().allows(needed)) {
                request.abortWith(ProblemDetails.response(403, "this token lacks the " + needed.wireName() + " scope"));
                return;
            }
        }
        request.setProperty(RequestContext.CALLER_PROPERTY, caller.get());
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    private static Optional<String> bearerToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static jakarta.ws.rs.core.Response withChallenge(jakarta.ws.rs.core.Response response) {
        return jakarta.ws.rs.core.Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rollcall\"").build();
    }
}
