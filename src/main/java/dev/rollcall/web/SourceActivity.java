package dev.rollcall.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What each source's SCIM requests did, as this process saw them since it started: the last request,
 * the last push (a POST, PUT, PATCH or DELETE), and counts of all, 4xx and 5xx answers. Kept in memory on purpose: it costs no
 * write per request, and the health answer says it is per instance and since when. Requests refused
 * before a source was known (a bad token) belong to no source and are not here.
 */
public final class SourceActivity {
    private final Clock clock;
    private final Instant since;
    private final Map<String, Counts> bySource = new ConcurrentHashMap<>();

    public SourceActivity(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    /** One source's numbers. */
    public record Snapshot(Instant lastRequest, Instant lastPush, long requests, long clientErrors, long serverErrors) {
    }

    public void record(String source, String method, int status) {
        Counts c = bySource.computeIfAbsent(source, k -> new Counts());
        Instant now = clock.instant();
        c.last.set(now);
        if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
            c.lastPush.set(now);
        }
        c.requests.incrementAndGet();
        if (status >= 400 && status < 500) {
            c.clientErrors.incrementAndGet();
        } else if (status >= 500) {
            c.serverErrors.incrementAndGet();
        }
    }

    /** Empty numbers for a source without requests since {@link #since()}. */
    public Snapshot of(String source) {
        Counts c = bySource.get(source);
        return c == null ? new Snapshot(null, null, 0, 0, 0)
                : new Snapshot(c.last.get(), c.lastPush.get(), c.requests.get(), c.clientErrors.get(), c.serverErrors.get());
    }

    public Instant since() {
        return since;
    }

    private static final class Counts {
        final AtomicReference<Instant> last = new AtomicReference<>();
        final AtomicReference<Instant> lastPush = new AtomicReference<>();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong clientErrors = new AtomicLong();
        final AtomicLong serverErrors = new AtomicLong();
    }
}
