package dev.rollcall.app;

import dev.rollcall.app.http.MetricsResource;
import dev.rollcall.app.http.RequestMetrics;
import dev.rollcall.delivery.DeliveryObserver;
import dev.rollcall.delivery.rules.HealthQueries;
import dev.rollcall.web.SourceActivity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's meter registry (made here and handed to whoever records, never a global) and what
 * feeds it: HTTP requests per route, deliveries by outcome with attempt and change-to-delivered
 * latency histograms, and the outbox depth and due timers, read from the database at each scrape.
 */
final class Observability {
    private static final Logger log = LoggerFactory.getLogger(Observability.class);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SourceActivity sources;
    private final Clock clock;
    private final AtomicLong outboxDepth = new AtomicLong();
    private final AtomicLong timersDue = new AtomicLong();
    private volatile HealthQueries health;

    Observability(Clock clock) {
        this.clock = clock;
        this.sources = new SourceActivity(clock);
        Gauge.builder("rollcall.outbox.depth", outboxDepth, AtomicLong::get)
                .description("deliveries not yet delivered or dead").register(registry);
        Gauge.builder("rollcall.timers.due", timersDue, AtomicLong::get)
                .description("lifecycle timers pending and due").register(registry);
    }

    /** The database reads behind the gauges (known once the database is open). */
    void readFrom(HealthQueries queries) {
        this.health = queries;
    }

    SourceActivity sources() {
        return sources;
    }

    RequestMetrics requestMetrics() {
        return new RequestMetrics(registry, sources);
    }

    MetricsResource resource() {
        return new MetricsResource(registry, this::refresh);
    }

    DeliveryObserver deliveries() {
        return new DeliveryObserver() {
            @Override
            public void attempted(String outcome, Duration attempt, Duration lag) {
                Counter.builder("rollcall.deliveries").description("delivery attempts by outcome").tag("outcome", outcome)
                        .register(registry).increment();
                Timer.builder("rollcall.delivery.attempt").description("duration of one webhook attempt")
                        .tag("outcome", outcome).publishPercentileHistogram().register(registry).record(attempt);
                if (lag != null) {
                    Timer.builder("rollcall.delivery.lag").description("from the change to its delivery")
                            .publishPercentileHistogram().register(registry).record(lag);
                }
            }

            @Override
            public void purged(int deliveries) {
                Counter.builder("rollcall.deliveries.purged")
                        .description("finished deliveries deleted for being older than the retention")
                        .register(registry).increment(deliveries);
            }
        };
    }

    /** Reads the gauges' values; a database that does not answer leaves the last ones. */
    private void refresh() {
        HealthQueries h = health;
        if (h == null) {
            return;
        }
        try {
            outboxDepth.set(h.outboxDepth());
            timersDue.set(h.timersDue(clock.instant()));
        } catch (RuntimeException e) {
            log.warn("metrics gauges not refreshed: {}", e.toString());
        }
    }
}
