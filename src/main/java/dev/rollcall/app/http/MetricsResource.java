package dev.rollcall.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * /metrics in the Prometheus text format. Needs an admin token (read) unless
 * ROLLCALL_METRICS_PUBLIC=true (BearerAuthFilter decides); the database-backed gauges are read
 * right before each scrape.
 */
@Path("/metrics")
public final class MetricsResource {
    private final PrometheusMeterRegistry registry;
    private final Runnable refresh;

    public MetricsResource(PrometheusMeterRegistry registry, Runnable refresh) {
        this.registry = registry;
        this.refresh = refresh;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        refresh.run();
        return registry.scrape();
    }
}
