package dev.rollcall.app.http;

import dev.rollcall.scim.ScimErrors;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.RequestContext;
import dev.rollcall.web.Surfaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Error answers written below Jersey (by the request gate or Grizzly itself), in the format of the
 * surface the raw request path belongs to: a SCIM error under /scim, problem details elsewhere.
 */
final class RawErrorResponses {
    private RawErrorResponses() {
    }

    /** The error body as JSON text; sets the status, content type and correlation header on the response. */
    static String prepare(Request request, Response response, int status, String scimType, String detail,
                          String correlationId) {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(RequestContext.CORRELATION_HEADER, correlationId);
        boolean scim = Surfaces.isScim(rawPath(request));
        response.setContentType(contentType(scim));
        return body(scim, status, scimType, detail, correlationId);
    }

    static String contentType(boolean scim) {
        return scim ? ScimMediaType.APPLICATION_SCIM_JSON : ProblemDetails.MEDIA_TYPE.toString();
    }

    /** A SCIM error or problem details (a 5xx names the correlation id there). */
    static String body(boolean scim, int status, String scimType, String detail, String correlationId) {
        return scim ? ScimErrors.body(status, scimType, detail).toString()
                : ProblemDetails.body(status, detail, status >= 500 ? correlationId : null).toString();
    }

    /** Writes the whole error answer. */
    static void send(Request request, Response response, int status, String scimType, String detail,
                     String correlationId) throws IOException {
        byte[] body = prepare(request, response, status, scimType, detail, correlationId).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String correlationId(Request request) {
        return RequestContext.fromClient(request.getHeader(RequestContext.CORRELATION_HEADER));
    }

    /** The request path as sent (not decoded: a malformed escape must not stop us choosing the format). */
    private static String rawPath(Request request) {
        String uri = request.getRequestURI();
        return uri == null ? "" : uri;
    }

    /** Client text for a log line: short, and without control characters that could forge log lines. */
    static String forLog(String text) {
        if (text == null) {
            return "(none)";
        }
        String shown = text.length() <= 200 ? text : text.substring(0, 200) + "...";
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
