package dev.rollcall.app.http;

import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.Surfaces;
import dev.rollcall.scim.ScimErrors;
import dev.rollcall.web.RequestContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: a bug. The client gets a 500 with a correlation id and no internal text;
 * the log gets the stack trace under the same id.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorMapper.class);
    private final UriInfo uriInfo;
    private final ContainerRequestContext request;

    public UnexpectedErrorMapper(@Context UriInfo uriInfo, @Context ContainerRequestContext request) {
        this.uriInfo = uriInfo;
        this.request = request;
    }

    @Override
    public Response toResponse(Throwable e) {
        // the request's own id, so the log line, the response and the audit rows of the request agree
        String correlationId = RequestContext.correlationId(request);
        log.error("unexpected error, correlation id {}", correlationId, e);
        String detail = "internal error; correlation id " + correlationId;
        Response.ResponseBuilder out = Surfaces.isScim(uriInfo.getPath())
                ? Response.fromResponse(ScimErrors.response(500, null, detail))
                : Response.status(500).type(ProblemDetails.MEDIA_TYPE).entity(ProblemDetails.body(500, detail, correlationId));
        return out.header("X-Correlation-Id", correlationId).build();
    }
}
