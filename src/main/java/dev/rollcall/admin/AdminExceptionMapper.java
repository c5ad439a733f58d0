package dev.rollcall.admin;

import dev.rollcall.web.ProblemDetails;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** An admin request that cannot be done becomes an RFC 9457 problem details response. */
public final class AdminExceptionMapper implements ExceptionMapper<AdminException> {

    @Override
    public Response toResponse(AdminException e) {
        return ProblemDetails.response(e.status(), e.getMessage());
    }
}
