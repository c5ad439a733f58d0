package dev.rollcall.app.http;

import dev.rollcall.identity.Caller;
import dev.rollcall.web.RequestContext;
import dev.rollcall.web.SourceActivity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Counts and times every request Jersey answers, per method, matched route template (never the raw
 * path, so ids do not become labels; requests that matched no route, including those refused before
 * matching such as a bad token, are "unmatched") and status; and notes each source's SCIM requests
 * in {@link SourceActivity}. Requests Grizzly refuses before Jersey (codec errors, the body timeout,
 * the database gate) are not seen here.
 */
public final class RequestMetrics implements ApplicationEventListener {
    static final String METER = "rollcall.http.requests";
    private final MeterRegistry registry;
    private final SourceActivity sources;

    public RequestMetrics(MeterRegistry registry, SourceActivity sources) {
        this.registry = registry;
        this.sources = sources;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing at the application level
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        long started = System.nanoTime();
        // the caller is read while the request is being handled: by FINISHED its properties may be gone
        String[] source = new String[1];
        return event -> {
            if (event.getType() != RequestEvent.Type.FINISHED) {
                if (source[0] == null && RequestContext.caller(event.getContainerRequest()) instanceof Caller.SourceCaller s) {
                    source[0] = s.source().name();
                }
                return;
            }
            ContainerRequest request = event.getContainerRequest();
            int status = event.getContainerResponse() == null ? 500 : event.getContainerResponse().getStatus();
            Timer.builder(METER).description("HTTP requests answered by Jersey, per route template")
                    .tag("method", request.getMethod()).tag("route", route(event.getUriInfo().getMatchedTemplates()))
                    .tag("status", Integer.toString(status)).publishPercentileHistogram()
                    .register(registry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (source[0] != null) {
                sources.record(source[0], request.getMethod(), status);
            }
        };
    }

    /** The matched templates (innermost first, as Jersey lists them) joined into one route. */
    static String route(List<UriTemplate> matched) {
        if (matched == null || matched.isEmpty()) {
            return "unmatched";
        }
        List<UriTemplate> outerFirst = new ArrayList<>(matched);
        java.util.Collections.reverse(outerFirst);
        StringBuilder out = new StringBuilder();
        for (UriTemplate t : outerFirst) {
            String part = t.getTemplate();
            if (part.isEmpty() || part.equals("/")) {
                continue;
            }
            if (out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                out.append('/');
            }
            out.append(part.startsWith("/") ? part.substring(1) : part);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
