package dev.rollcall.app.http;

import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.Surfaces;
import dev.rollcall.scim.ScimErrors;
import dev.rollcall.store.DatabaseFailures;
import dev.rollcall.web.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ContainerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: a bug. The client gets a 500 with a correlation id and no internal text;
 * the log gets the stack trace under the same id. A database that did not answer is no bug: 503.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorMapper.class);
    private final Provider<ContainerRequest> request;

    /**
     * A provider of the current request: the mapper is a singleton, and a request context given to its
     * constructor would be the first request's, recycled by Grizzly by the time a later error is mapped.
     */
    @Inject
    public UnexpectedErrorMapper(Provider<ContainerRequest> request) {
        this.request = request;
    }

    @Override
    public Response toResponse(Throwable e) {
        // the request's own id, so the log line, the response and the audit rows of the request agree
        ContainerRequest current = request.get();
        String correlationId = RequestContext.correlationId(current);
        String path = current.getUriInfo().getPath();
        if (DatabaseFailures.isUnavailable(e)) {
            log.warn("database unavailable, correlation id {}: {}", correlationId, e.toString());
            return UnavailableResponses.databaseUnavailable(path, correlationId);
        }
        log.error("unexpected error, correlation id {}", correlationId, e);
        String detail = "internal error; correlation id " + correlationId;
        Response.ResponseBuilder out = Surfaces.isScim(path)
                ? Response.fromResponse(ScimErrors.response(500, null, detail))
                : Response.status(500).type(ProblemDetails.MEDIA_TYPE).entity(ProblemDetails.body(500, detail, correlationId));
        return out.header("X-Correlation-Id", correlationId).build();
    }
}
