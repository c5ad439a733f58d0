package dev.rollcall.app.http;

import dev.rollcall.scim.ScimErrors;
import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.Surfaces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** 503 "try again later" in the surface's error format, with Retry-After. */
final class UnavailableResponses {
    /** Seconds a client should wait; the health watch notices recovery within a second. */
    static final int RETRY_AFTER_SECONDS = 5;

    private UnavailableResponses() {
    }

    static Response databaseUnavailable(String path, String correlationId) {
        String detail = "the database is unavailable; retry later (correlation id " + correlationId + ")";
        Response.ResponseBuilder out = Surfaces.isScim(path)
                ? Response.fromResponse(ScimErrors.response(503, null, detail))
                : Response.status(503).type(ProblemDetails.MEDIA_TYPE).entity(ProblemDetails.body(503, detail, correlationId));
        return out.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).header("X-Correlation-Id", correlationId).build();
    }
}
