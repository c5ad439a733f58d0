package dev.rollcall.app.http;

import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error pages Grizzly writes itself — 503 while shutting down, 413 over its size limit, 500 when
 * a handler throws — in the surface's error format instead of an HTML page with a stack trace. Grizzly
 * keeps the content type set here; it has already set the status.
 */
public final class JsonErrorPages implements ErrorPageGenerator {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorPages.class);

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        String correlationId = RawErrorResponses.correlationId(request);
        String detail = switch (status) {
            case 503 -> "the server is shutting down; retry the request";
            case 413 -> "the request body is too large";
            default -> status >= 500 ? "internal error; correlation id " + correlationId
                    : reasonPhrase == null ? "request failed" : reasonPhrase;
        };
        if (exception != null || status >= 500 && status != 503) {
            log.error("HTTP {} from the server below the application, correlation id {}", status, correlationId, exception);
        } else {
            log.info("HTTP {} for {} {}: {}, correlation id {}", status, request.getMethod(),
                    RawErrorResponses.forLog(request.getRequestURI()), detail, correlationId);
        }
        if (status == 503) {
            request.getResponse().setHeader("Retry-After", "1");
        }
        return RawErrorResponses.prepare(request, request.getResponse(), status, null, detail, correlationId);
    }
}
