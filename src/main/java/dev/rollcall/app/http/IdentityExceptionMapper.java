package dev.rollcall.app.http;

import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.Surfaces;
import dev.rollcall.identity.IdentityException;
import dev.rollcall.scim.ScimErrors;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A request the identity domain refused: unknown id 404, conflict with the current state 409,
 * invalid input 400 - as problem details, or as a SCIM error should one reach a SCIM path.
 */
public final class IdentityExceptionMapper implements ExceptionMapper<IdentityException> {
    private final UriInfo uriInfo;

    /** Jersey passes a proxy that resolves to the current request's UriInfo. */
    public IdentityExceptionMapper(@Context UriInfo uriInfo) {
        this.uriInfo = uriInfo;
    }

    @Override
    public Response toResponse(IdentityException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
        };
        return Surfaces.isScim(uriInfo.getPath())
                ? ScimErrors.response(status, null, e.getMessage())
                : ProblemDetails.response(status, e.getMessage());
    }
}
