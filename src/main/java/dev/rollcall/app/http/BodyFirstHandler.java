package dev.rollcall.app.http;

import dev.rollcall.scim.ScimErrors;
import dev.rollcall.scim.ScimMediaType;
import dev.rollcall.web.ProblemDetails;
import dev.rollcall.web.Surfaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a request's body without holding a worker thread, and only then hands the request to
 * the application (Jersey reads a body in blocking mode, so a client trickling its body would hold
 * a worker for as long as it likes). A body that has not arrived within the body timeout is
 * answered 408 in the surface's error format and its connection closed.
 */
public final class BodyFirstHandler extends HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(BodyFirstHandler.class);
    private final HttpHandler application;
    private final int maxBodyBytes;
    private final Duration bodyTimeout;

    public BodyFirstHandler(HttpHandler application, int maxBodyBytes, Duration bodyTimeout) {
        this.application = application;
        this.maxBodyBytes = maxBodyBytes;
        this.bodyTimeout = bodyTimeout;
    }

    @Override
    public void start() {
        application.start();
    }

    @Override
    public void destroy() {
        application.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.getContentLengthLong() <= 0 && !request.getRequest().isChunked()) {
            application.service(request, response);
            return;
        }
        // one of the two wins: the complete body (the application runs) or the timeout (408)
        AtomicBoolean decided = new AtomicBoolean();
        // (returning true from a timeout would cancel the response unsent: it is resumed with the 408 instead)
        response.suspend(bodyTimeout.toMillis(), TimeUnit.MILLISECONDS, null, timedOut -> {
            if (decided.compareAndSet(false, true)) {
                // the rest of the body is not wanted: closing (gracefully: the 408 goes out first) ends it
                Connection<?> connection = request.getContext().getConnection();
                requestTimeout(request, timedOut);
                timedOut.resume();
                connection.closeSilently();
            }
            return false;
        });
        // more than the limit is enough to know: the application answers 413 from what is buffered
        request.getNIOInputStream().notifyAvailable(new ReadHandler() {
            @Override
            public void onDataAvailable() {
                proceed(request, response, decided);
            }

            @Override
            public void onAllDataRead() {
                proceed(request, response, decided);
            }

            @Override
            public void onError(Throwable t) {
                if (decided.compareAndSet(false, true)) {
                    log.debug("request body not received: {}", t.toString());
                    response.resume();
                }
            }
        }, maxBodyBytes + 1);
    }

    private void proceed(Request request, Response response, AtomicBoolean decided) {
        if (!decided.compareAndSet(false, true)) {
            return;
        }
        // the application takes as long as it takes; the body timeout no longer applies
        response.getSuspendContext().setTimeout(-1, TimeUnit.MILLISECONDS);
        try {
            application.service(request, response);
        } catch (Exception e) {
            log.error("request failed outside the application", e);
            response.resume();
        }
    }

    private static void requestTimeout(Request request, Response response) {
        String detail = "the request body did not arrive in time";
        boolean scim = Surfaces.isScim(request.getRequestURI());
        String body = scim ? ScimErrors.body(408, null, detail).toString() : ProblemDetails.body(408, detail, null).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(408);
        response.setContentType(scim ? ScimMediaType.APPLICATION_SCIM_JSON : ProblemDetails.MEDIA_TYPE.toString());
        response.setHeader("Connection", "close");
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IOException e) {
            log.debug("could not send 408: {}", e.toString());
        }
    }
}
