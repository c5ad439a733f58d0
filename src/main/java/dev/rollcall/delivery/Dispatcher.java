package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.AttemptRecord;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.DeliveryClaims;
import dev.rollcall.delivery.rules.DeliveryLimits;
import dev.rollcall.delivery.rules.DeliveryTx;
import dev.rollcall.delivery.rules.FailureWatch;
import dev.rollcall.delivery.rules.RetryAfter;
import dev.rollcall.delivery.rules.Verdict;
import dev.rollcall.kernel.BackgroundTask;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: each pass claims a batch (a short transaction that leases them to this
 * dispatcher), sends each over HTTP outside any transaction, then records the attempts and outcomes
 * that have come back in one short transaction per group (see {@link #runOnce}). A batch is sent by a few sender threads at once, so one slow
 * receiver does not hold back the others; a batch holds at most one delivery per subscription and
 * person (the head of its chain), so sending in parallel keeps each person's order. Several
 * dispatchers (instances) may share one database: claims skip each other's rows, and an outcome is
 * only written while its lease is still held.
 */
public final class Dispatcher implements BackgroundTask {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final Duration INTERVAL = Duration.ofMillis(200);
    /** How long a disabled subscription's delivery is set aside before it is looked at again. */
    static final Duration DISABLED_RECHECK = Duration.ofMinutes(1);
    static final int SENDERS = 16;
    /** Groups written at once: while one commits, the next is written (their rows are disjoint; commits are shared). */
    static final int RECORDERS = 2;

    private final DeliveryClaims claims;
    private final Transactor<? extends DeliveryTx> transactions;
    private final GuardedSender sender;
    private final PayloadFormats formats;
    private final DeliveryOutcomes outcomes;
    private final DeliveryObserver observer;
    private final Clock clock;
    private final Duration requestTimeout;
    private final Duration lease;
    private final int batch;
    private final String owner = "dispatcher-" + UUID.randomUUID();
    private final ExecutorService senders;
    private final ExecutorService recorder;

    public Dispatcher(DeliveryClaims claims, Transactor<? extends DeliveryTx> transactions, PayloadFormats formats,
                      GuardedSender sender, Verdict.Judge judge, FailureWatch watch, DeliveryObserver observer,
                      Clock clock, Duration requestTimeout, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        this.claims = claims;
        this.transactions = transactions;
        this.formats = formats;
        this.sender = sender;
        this.outcomes = new DeliveryOutcomes(transactions, judge, watch);
        this.observer = observer;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        // a lease outlives a whole batch of the longest timeouts a subscription may have, so a slow batch is not claimed twice
        Duration longest = requestTimeout.compareTo(DeliveryLimits.MAX_TIMEOUT) > 0 ? requestTimeout : DeliveryLimits.MAX_TIMEOUT;
        this.lease = longest.multipliedBy(batch / SENDERS + 2L).plusSeconds(30);
        this.batch = batch;
        // idle sender threads end after a while, so a stopped dispatcher leaves none behind for long
        ThreadPoolExecutor pool = new ThreadPoolExecutor(SENDERS, SENDERS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "webhook-sender");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.senders = pool;
        ThreadPoolExecutor one = new ThreadPoolExecutor(RECORDERS, RECORDERS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "webhook-recorder");
            t.setDaemon(true);
            return t;
        });
        one.allowCoreThreadTimeOut(true);
        this.recorder = one;
    }

    public String owner() {
        return owner;
    }

    @Override
    public String name() {
        return "webhook-dispatcher";
    }

    @Override
    public Duration interval() {
        return INTERVAL;
    }

    /**
     * One pass, until nothing is due (or the thread is interrupted): claims a batch and hands it to the
     * senders; the results are recorded as they come back, all that have come back since the last
     * group in one transaction on a recorder thread, at most {@value #RECORDERS} groups at once (so a slow
     * receiver holds back no one else's outcome, commits are shared, and claiming overlaps recording). While claims come back full, claims
     * again as soon as half a batch is done, so the senders stay busy under load without waiting for the
     * interval; otherwise the pass ends once what it claimed is recorded.
     */
    @Override
    public void runOnce() {
        // one queue of what happened: a sender's result, or the recorder's end of a group
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        List<Future<?>> working = new ArrayList<>();
        // claimed by this pass and not yet recorded: a lease that ran out meanwhile (a clock that jumped) can
        // come back in this pass's own claim, and must not be sent a second time
        Set<Long> inFlight = new HashSet<>();
        List<DeliveryOutcomes.Sent> toRecord = new ArrayList<>();
        int recording = 0;
        boolean claimAgain = true;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (claimAgain && inFlight.size() <= batch / 2) {
                    int wanted = batch - inFlight.size();
                    List<ClaimedDelivery> due = claimQuietly(wanted);
                    claimAgain = due.size() == wanted;
                    working.removeIf(Future::isDone);
                    for (ClaimedDelivery d : due) {
                        if (inFlight.add(d.pk())) {
                            working.add(senders.submit(() -> events.add(new Event(d.pk(), sendQuietly(d), List.of()))));
                        }
                    }
                }
                if (inFlight.isEmpty()) {
                    if (claimAgain) {
                        continue;
                    }
                    return;
                }
                List<Event> happened = new ArrayList<>();
                happened.add(events.take());
                events.drainTo(happened);
                for (Event e : happened) {
                    if (!e.recorded().isEmpty()) {
                        e.recorded().forEach(inFlight::remove);
                        recording--;
                    } else if (e.sent().isPresent()) {
                        toRecord.add(e.sent().get());
                    } else {
                        inFlight.remove(e.pk());
                    }
                }
                if (recording < RECORDERS && !toRecord.isEmpty()) {
                    List<DeliveryOutcomes.Sent> group = List.copyOf(toRecord);
                    toRecord.clear();
                    recording++;
                    working.add(recorder.submit(() -> {
                        try {
                            recordQuietly(group);
                        } finally {
                            events.add(new Event(0, Optional.empty(), group.stream().map(g -> g.delivery().pk()).toList()));
                        }
                    }));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // interrupted: the rest stay leased and are reclaimed when their leases run out
        working.forEach(f -> f.cancel(true));
    }

    /** A sender's result (empty: nothing to record), or the pks of a group the recorder has written. */
    private record Event(long pk, Optional<DeliveryOutcomes.Sent> sent, List<Long> recorded) {
    }

    private List<ClaimedDelivery> claimQuietly(int wanted) {
        Instant now = Timestamps.now(clock);
        try {
            return claims.claim(now, owner, now.plus(lease), wanted);
        } catch (RuntimeException e) {
            log.warn("due deliveries could not be claimed: {}", e.toString());
            return List.of();
        }
    }

    /** Sends one delivery; empty when there is nothing to record (set aside, or a sender's own failure). */
    private Optional<DeliveryOutcomes.Sent> sendQuietly(ClaimedDelivery d) {
        try {
            return deliverQuietly(d);
        } catch (RuntimeException | Error e) {
            log.warn("a webhook sender failed on delivery {}; its lease will run out: {}", d.id(), e.toString());
            return Optional.empty();
        }
    }

    private Optional<DeliveryOutcomes.Sent> deliverQuietly(ClaimedDelivery d) {
        if (!d.subscriptionEnabled() || d.secrets().isEmpty()) {
            try {
                transactions.inTransaction(tx -> tx.deliveries().postpone(d.pk(), owner,
                        Timestamps.now(clock).plus(DISABLED_RECHECK)));
            } catch (RuntimeException e) {
                log.warn("delivery {} could not be set aside; its lease will run out: {}", d.id(), e.toString());
            }
            return Optional.empty();
        }
        Instant at = Timestamps.now(clock);
        long started = System.nanoTime();
        GuardedSender.Result result;
        PayloadFormat format;
        try {
            format = formats.of(d.format());
            PayloadFormat.Request request = format.render(d, at);
            result = sender.post(URI.create(d.url()), request.headers(), request.body(), d.limits().timeoutOr(requestTimeout));
        } catch (RuntimeException e) {
            // Rollcall's own failure before anything was answered (a rendering bug, an unopenable secret):
            // an attempt without an answer, so that it backs off and ends dead instead of coming back on every lease
            log.warn("delivery {} could not be processed", d.id(), e);
            return Optional.of(new DeliveryOutcomes.Sent(d, new AttemptRecord(at,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), null,
                    "Rollcall could not process this delivery (" + e.getClass().getSimpleName() + "); see the server log",
                    null), Optional.empty(), Optional.empty(), false));
        }
        long latencyMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return Optional.of(sent(d, format, result, at, latencyMs));
    }

    /** Renders, signs and sends once, recording nothing (the delivery-only subscription.test). */
    GuardedSender.Result sendOnce(ClaimedDelivery d) {
        PayloadFormat.Request request = formats.of(d.format()).render(d, Timestamps.now(clock));
        return sender.post(URI.create(d.url()), request.headers(), request.body(), d.limits().timeoutOr(requestTimeout));
    }

    /**
     * Records a group of results in one transaction. When that cannot be written, each is tried alone, so
     * one bad row does not keep the others from being recorded; an outcome that cannot be written at all
     * (the database is away, or keeps deadlocking) leaves its lease to run out, and it is sent again.
     */
    private void recordQuietly(List<DeliveryOutcomes.Sent> results) {
        List<DeliveryOutcomes.Outcome> written;
        try {
            written = outcomes.recordAll(results, owner);
        } catch (RuntimeException e) {
            if (results.size() == 1) {
                log.warn("delivery {}: its outcome could not be recorded; the lease will run out and it is sent again: {}",
                        results.get(0).delivery().id(), e.toString());
                return;
            }
            log.warn("a batch of {} outcomes could not be recorded together, recording each alone: {}", results.size(),
                    e.toString());
            results.forEach(r -> recordQuietly(List.of(r)));
            return;
        }
        Instant now = Timestamps.now(clock);
        for (int i = 0; i < results.size(); i++) {
            DeliveryOutcomes.Sent r = results.get(i);
            DeliveryOutcomes.Outcome outcome = written.get(i);
            if (outcome == DeliveryOutcomes.Outcome.LOST_LEASE) {
                log.info("delivery {} was reclaimed by another dispatcher while this one sent it", r.delivery().id());
            }
            observer.attempted(outcome.name().toLowerCase(java.util.Locale.ROOT), Duration.ofMillis(r.attempt().latencyMs()),
                    outcome == DeliveryOutcomes.Outcome.DELIVERED ? Duration.between(r.delivery().eventAt(), now) : null);
        }
    }

    private DeliveryOutcomes.Sent sent(ClaimedDelivery d, PayloadFormat format, GuardedSender.Result result, Instant at,
                                       long latencyMs) {
        Integer status = null;
        String error;
        String head = null;
        Optional<Duration> retryAfter = Optional.empty();
        if (result instanceof GuardedSender.Answered a) {
            status = a.answer().status();
            head = a.answer().head();
            retryAfter = a.answer().retryAfter().flatMap(v -> RetryAfter.parse(v, at));
            error = status >= 200 && status < 300 ? null : "HTTP " + status;
        } else {
            error = ((GuardedSender.Failed) result).error();
        }
        // a format may say an answer refuses the delivery for good (a SET receiver's 400 {"err":…})
        Optional<String> refused = status == null ? Optional.empty() : format.permanentRefusal(status, head);
        return new DeliveryOutcomes.Sent(d, new AttemptRecord(at, latencyMs, status, error, head), retryAfter, refused, true);
    }
}
