package dev.rollcall.app.http;

import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.Surfaces;
import dev.rollcall.scim.ScimErrors;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Maps Jersey's own errors (unknown path, wrong method, unsupported media type) to the error
 * format of the surface that was called: SCIM errors under /scim, problem details elsewhere.
 */
public final class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {
    private final UriInfo uriInfo;

    /** Jersey passes a proxy that resolves to the current request's UriInfo. */
    public HttpErrorMapper(@Context UriInfo uriInfo) {
        this.uriInfo = uriInfo;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported media type; send application/scim+json or application/json";
            default -> Response.Status.fromStatusCode(status) == null
                    ? "request failed" : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        Response.ResponseBuilder out;
        if (Surfaces.isScim(uriInfo.getPath())) {
            out = Response.fromResponse(ScimErrors.response(status, null, detail));
        } else {
            out = Response.status(status).type(ProblemDetails.MEDIA_TYPE)
                    .entity(ProblemDetails.body(status, detail, null));
        }
        e.getResponse().getHeaders().forEach((name, values) -> {
            if ("Allow".equalsIgnoreCase(name)) {
                values.forEach(v -> out.header(name, v));
            }
        });
        return out.build();
    }
}
