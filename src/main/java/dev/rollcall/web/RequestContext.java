package dev.rollcall.web;

import dev.rollcall.events.Actor;
import dev.rollcall.identity.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the filters leave on a request for the resources of every surface: the authenticated caller
 * and the request's correlation id (the one the {@code X-Correlation-Id} header, a 500's body, the
 * log and every audit row of the request carry).
 */
public final class RequestContext {
    public static final String CALLER_PROPERTY = "rollcall.caller";
    public static final String CORRELATION_PROPERTY = "rollcall.correlationId";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** A client's own id is kept when it is short and plain; anything else is replaced by a fresh one. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestContext() {
    }

    /** The caller the auth filter established, or null on an unauthenticated route. */
    public static Caller caller(ContainerRequestContext request) {
        return request.getProperty(CALLER_PROPERTY) instanceof Caller c ? c : null;
    }

    /** The request's correlation id, made on first use when no filter set one. */
    public static String correlationId(ContainerRequestContext request) {
        if (request.getProperty(CORRELATION_PROPERTY) instanceof String id) {
            return id;
        }
        String id = fromClient(request.getHeaderString(CORRELATION_HEADER));
        request.setProperty(CORRELATION_PROPERTY, id);
        return id;
    }

    /** Who is changing something, for the audit trail: the caller's audit name and the correlation id. */
    public static Actor actor(ContainerRequestContext request, Caller caller) {
        return new Actor(caller.auditName(), correlationId(request));
    }

    /** The client's id from its {@code X-Correlation-Id} header when well-formed, else a fresh one (also outside Jersey). */
    public static String fromClient(String header) {
        return header != null && CLIENT_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
