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
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every SCIM and admin request by its bearer token: SCIM takes source tokens,
 * the admin API takes admin tokens (reads need admin:read, writes admin:write). Health probes
 * and the JWKS are public. The caller is left on the request for the resources. A wrong token is
 * logged with the client's address (never the token) and counted against that address: past the
 * limit, the address gets 429 with Retry-After until its allowance refills.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter implements ContainerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(BearerAuthFilter.class);
    private final CallerLookup lookup;
    private final AuthFailureThrottle throttle;
    /** The Grizzly request of the current call (a per-request proxy): the only place the peer address is known. */
    @Context
    private Provider<Request> connection;

    private final boolean metricsNeedToken;

    /** {@code metricsNeedToken}: /metrics is treated as an admin read (false: ROLLCALL_METRICS_PUBLIC=true). */
    public BearerAuthFilter(CallerLookup lookup, AuthFailureThrottle throttle, boolean metricsNeedToken) {
        this.lookup = lookup;
        this.throttle = throttle;
        this.metricsNeedToken = metricsNeedToken;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean scim = Surfaces.isScim(path);
        boolean admin = Surfaces.isAdmin(path) || metricsNeedToken && Surfaces.isMetrics(path);
        if (!scim && !admin) {
            return;
        }
        String address = connection.get().getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(address);
        if (wait.isPresent()) {
            request.abortWith(tooManyFailures(scim, wait.get()));
            return;
        }
        Optional<String> token = bearerToken(request);
        Optional<Caller> caller = token.flatMap(lookup::find);
        if (caller.isEmpty() && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            // a presented credential that is wrong: a guess or a revoked token; never log its text
            boolean exhausted = throttle.failed(address);
            log.warn("bearer authentication failed from {} ({} {}){}", address, request.getMethod(), scim ? "SCIM" : "admin API",
                    exhausted ? "; further attempts from this address are refused for a while" : "");
        }
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

    /** 429 in the surface's format; Retry-After in whole seconds, rounded up. */
    private static Response tooManyFailures(boolean scim, Duration wait) {
        String detail = "too many failed authentication attempts from this address; retry later";
        Response r = scim ? ScimErrors.response(429, null, detail) : ProblemDetails.response(429, detail);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
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

    private static Response withChallenge(Response response) {
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rollcall\"").build();
    }
}
