package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.kernel.BackgroundTask;
import dev.rollcall.kernel.StoreUnavailable;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fires due timers: each pass claims a batch (a short transaction that leases them to this
 * scheduler), then fires them on a few threads in groups of up to {@value #GROUP}, each group in one
 * transaction (each timer's transition still atomic with its events, outbox rows and audit record,
 * and a commit shared). A group that fails is rolled back and its timers fired again one transaction
 * each, so one failing timer never holds back the others; a full batch is followed at once by the
 * next claim.
 * Timers that came due while no server ran fire on the first pass after start. Several schedulers
 * (instances) may share one database: a claimed timer is skipped by the others, and firing re-checks
 * the lease, so each timer fires once.
 */
public final class TimerScheduler implements BackgroundTask {
    static final Duration INTERVAL = Duration.ofMillis(200);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int BATCH = 500;
    static final int THREADS = 8;
    /** Timers fired in one transaction at most. */
    static final int GROUP = 25;

    private final TimerClaims claims;
    private final Transactor<? extends LifecycleTx> transactions;
    private final PersonLifecycle lifecycle;
    private final Clock clock;
    private final int batch;
    private final int threads;
    private final TimerFiring firing;
    private final String owner = "scheduler-" + UUID.randomUUID();

    public TimerScheduler(TimerClaims claims, Transactor<? extends LifecycleTx> transactions, PersonLifecycle lifecycle,
                          Clock clock) {
        this(claims, transactions, lifecycle, clock, BATCH, THREADS);
    }

    /**
     * The serving scheduler: fires on at most half of a connection pool of {@code poolSize} (the rest
     * stays for requests and other background work), {@value #THREADS} threads at most.
     */
    public static TimerScheduler forPool(TimerClaims claims, Transactor<? extends LifecycleTx> transactions,
                                         PersonLifecycle lifecycle, Clock clock, int poolSize) {
        return new TimerScheduler(claims, transactions, lifecycle, clock, BATCH, Math.max(1, Math.min(THREADS, poolSize / 2)));
    }

    /** With a smaller batch, so that a test sees several schedulers take turns over a few timers. */
    public TimerScheduler(TimerClaims claims, Transactor<? extends LifecycleTx> transactions, PersonLifecycle lifecycle,
                          Clock clock, int batch) {
        this(claims, transactions, lifecycle, clock, batch, THREADS);
    }

    /** {@code threads}: how many groups of timers fire at once (each in its own transaction); 1 fires them in order. */
    public TimerScheduler(TimerClaims claims, Transactor<? extends LifecycleTx> transactions, PersonLifecycle lifecycle,
                          Clock clock, int batch, int threads) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        this.claims = claims;
        this.transactions = transactions;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.batch = batch;
        this.threads = threads;
        this.firing = new TimerFiring("lifecycle-timers", threads);
    }

    /** Who this scheduler's leases name. */
    public String owner() {
        return owner;
    }

    @Override
    public String name() {
        return "lifecycle-timers";
    }

    @Override
    public Duration interval() {
        return INTERVAL;
    }

    /**
     * One pass: claims and fires batches until nothing is due (or the thread is interrupted). A timer
     * whose firing fails stays leased until its lease runs out and is retried then; the others still
     * fire, and the first failure is rethrown at the end so that the pass is logged as failed. When
     * the pass is interrupted, timers of the batch not yet started are handed back (their leases
     * cleared), so that another instance or the next start fires them without waiting for the lease.
     */
    @Override
    public void runOnce() {
        RuntimeException failure = null;
        while (!Thread.currentThread().isInterrupted()) {
            Instant now = Timestamps.now(clock);
            List<Timer> due = claims.claimDue(now, owner, now.plus(LEASE), batch);
            TimerFiring.Outcome outcome = firing.fireAll(TimerGroups.split(due, threads, GROUP), this::fireGroup);
            if (!outcome.notStarted().isEmpty()) {
                claims.release(outcome.notStarted().stream().map(Timer::pk).toList(), owner);
            }
            failure = TimerFiring.merge(failure, outcome.failure());
            if (due.size() < batch) {
                break;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Fires a group of claimed timers in one transaction (its persons locked in key order, as the
     * group is sorted). When that fails (after the transactor's own deadlock retries), the group is
     * rolled back and each timer fired in a transaction of its own: the others still fire, and the
     * failing one fails alone, as if it had never shared a transaction. A database that does not
     * answer fails the group at once.
     */
    private void fireGroup(List<Timer> group) {
        if (group.size() == 1) {
            fire(group.get(0));
            return;
        }
        Actor actor = Actor.of("lifecycle:timer");
        try {
            transactions.inTransaction(tx -> {
                for (Timer timer : group) {
                    lifecycle.fire(tx, timer, owner, actor, Timestamps.now(clock));
                }
                return null;
            });
        } catch (StoreUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            RuntimeException failure = null;
            for (Timer timer : group) {
                try {
                    fire(timer);
                } catch (RuntimeException one) {
                    failure = TimerFiring.merge(failure, one);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Fires one claimed timer in a transaction of its own; returns whether it changed its person. */
    private boolean fire(Timer timer) {
        Actor actor = Actor.of("lifecycle:timer");
        return transactions.inTransaction(tx -> lifecycle.fire(tx, timer, owner, actor, Timestamps.now(clock)));
    }
}
