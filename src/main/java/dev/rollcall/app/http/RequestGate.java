package dev.rollcall.app.http;

import java.util.Optional;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of Jersey's Grizzly container and refuses, with a 400 in the surface's error format
 * and a log line, what the container would otherwise answer with an HTML stack trace (a request
 * target or Host it cannot parse), and a request whose framing is ambiguous (request smuggling).
 */
public final class RequestGate extends HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(RequestGate.class);
    private final HttpHandler jersey;

    public RequestGate(HttpHandler jersey) {
        super("rollcall");
        this.jersey = jersey;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        Optional<String> framing = FramingCheck.problem(request);
        if (framing.isPresent()) {
            // where this body ends is in doubt, so nothing after it on this connection is read
            request.getRequest().getProcessingState().setKeepAlive(false);
            response.setHeader("Connection", "close");
            refuse(request, response, framing.get());
            return;
        }
        Optional<String> problem = RequestTargetCheck.problem(request);
        if (problem.isPresent()) {
            refuse(request, response, problem.get());
            return;
        }
        jersey.service(request, response);
    }

    private static void refuse(Request request, Response response, String problem) throws Exception {
        String correlationId = RawErrorResponses.correlationId(request);
        log.warn("refused malformed request from {}: {} (target {}, Host {}), correlation id {}", request.getRemoteAddr(),
                problem, RawErrorResponses.forLog(target(request)), RawErrorResponses.forLog(request.getHeader("Host")),
                correlationId);
        RawErrorResponses.send(request, response, 400, null, problem, correlationId);
    }

    private static String target(Request request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }
}
