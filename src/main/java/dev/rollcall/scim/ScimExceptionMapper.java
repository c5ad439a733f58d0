package dev.rollcall.scim;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Turns a ScimException into its RFC 7644 error response. */
public final class ScimExceptionMapper implements ExceptionMapper<ScimException> {
    @Override
    public Response toResponse(ScimException e) {
        return ScimErrors.response(e);
    }
}
