package dev.rollcall.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST FAKE: the timer table in memory, as {@link Timers} (inside a fake transaction) and as
 * {@link TimerClaims} (a claim is atomic here: one caller at a time). Like the store: a claim takes
 * pending timers due at {@code now} whose lease is absent or over, soonest first, and leases them;
 * {@code lockLeased} answers only for a pending timer still leased to the asking owner. Rows are
 * immutable, so a shallow copy of the map is a snapshot a rollback can put back.
 */
public final class InMemoryTimers implements Timers, TimerClaims {

    /** One timer row. */
    public record Row(Timer timer, String status, String leaseOwner, Instant leaseUntil, Instant finishedAt) {
        Row with(String newStatus, String owner, Instant until, Instant finished) {
            return new Row(timer, newStatus, owner, until, finished);
        }
    }

    private final AtomicLong pks = new AtomicLong();
    private Map<Long, Row> rows = new LinkedHashMap<>();

    /** Takes a snapshot; the returned action puts it back. */
    public synchronized Runnable snapshot() {
        Map<Long, Row> saved = new LinkedHashMap<>(rows);
        return () -> {
            synchronized (this) {
                rows = saved;
            }
        };
    }

    @Override
    public synchronized long schedule(long personPk, TimerKind kind, String reason, Instant dueAt, Instant now) {
        long pk = pks.incrementAndGet();
        rows.put(pk, new Row(new Timer(pk, personPk, kind, reason, dueAt), "pending", null, null, null));
        return pk;
    }

    @Override
    public synchronized int cancelPending(long personPk, TimerKind kind, Instant now) {
        int n = 0;
        for (Row r : List.copyOf(rows.values())) {
            if (r.timer().personPk() == personPk && r.timer().kind() == kind && r.status().equals("pending")) {
                rows.put(r.timer().pk(), r.with("cancelled", r.leaseOwner(), r.leaseUntil(), now));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int cancelPending(long personPk, Set<TimerKind> kinds, Instant now) {
        int n = 0;
        for (TimerKind kind : kinds) {
            n += cancelPending(personPk, kind, now);
        }
        return n;
    }

    @Override
    public synchronized int cancelPending(long personPk, TimerKind kind, String actor, Instant now) {
        return cancelPending(personPk, kind, now);
    }

    @Override
    public synchronized long move(long timerPk, Instant dueAt, String actor, Instant now) {
        Row r = rows.get(timerPk);
        rows.put(timerPk, r.with("moved", r.leaseOwner(), r.leaseUntil(), now));
        return schedule(r.timer().personPk(), r.timer().kind(), r.timer().reason(), dueAt, now);
    }

    @Override
    public synchronized List<Timer> pending(long personPk) {
        return rows.values().stream().filter(r -> r.timer().personPk() == personPk && r.status().equals("pending"))
                .map(Row::timer).sorted(Comparator.comparing(Timer::dueAt).thenComparing(Timer::pk)).toList();
    }

    @Override
    public synchronized Optional<Timer> lockLeased(long timerPk, String owner) {
        Row r = rows.get(timerPk);
        return r != null && r.status().equals("pending") && owner.equals(r.leaseOwner())
                ? Optional.of(r.timer()) : Optional.empty();
    }

    @Override
    public synchronized void finish(long timerPk, boolean fired, Instant now) {
        Row r = rows.get(timerPk);
        rows.put(timerPk, r.with(fired ? "fired" : "cancelled", r.leaseOwner(), r.leaseUntil(), now));
    }

    @Override
    public synchronized List<Timer> claimDue(Instant now, String owner, Instant leaseUntil, int limit) {
        List<Timer> due = new ArrayList<>(rows.values().stream()
                .filter(r -> r.status().equals("pending") && !r.timer().dueAt().isAfter(now)
                        && (r.leaseUntil() == null || r.leaseUntil().isBefore(now)))
                .map(Row::timer).sorted(Comparator.comparing(Timer::dueAt).thenComparing(Timer::pk)).limit(limit).toList());
        due.forEach(t -> rows.put(t.pk(), rows.get(t.pk()).with("pending", owner, leaseUntil, null)));
        return due;
    }

    @Override
    public synchronized void release(List<Long> timerPks, String owner) {
        for (long pk : timerPks) {
            Row r = rows.get(pk);
            if (r != null && r.status().equals("pending") && owner.equals(r.leaseOwner())) {
                rows.put(pk, r.with("pending", null, null, null));
            }
        }
    }

    // ---- reading back ----

    public synchronized List<Row> all() {
        return List.copyOf(rows.values());
    }

    public synchronized List<Row> withStatus(String status) {
        return rows.values().stream().filter(r -> r.status().equals(status)).toList();
    }
}
