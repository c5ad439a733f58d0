package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.AttemptRecord;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.DeliveryTx;
import dev.rollcall.delivery.rules.FailureWatch;
import dev.rollcall.delivery.rules.Verdict;
import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Transactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what attempts mean for their deliveries and subscriptions: in one short transaction the
 * attempts and the deliveries' next states (only while each lease is still the caller's; a batch of
 * them at once, so a dispatcher pays one commit per batch rather than per delivery); then, in a
 * second one, the subscription's failing period, which disables it once every attempt has failed for
 * the configured time. The second is apart so that outcomes never hold the subscription row while
 * writes of the outbox (which lock it shared through the foreign key) wait on their delivery rows. A
 * failure of Rollcall's own (the delivery could not be processed) is retried like a missing answer, but
 * never counts against the receiver.
 */
final class DeliveryOutcomes {
    /** What became of one attempt, for metrics and the test endpoint. */
    enum Outcome { DELIVERED, RETRY, DEAD, GONE, LOST_LEASE }

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);
    private final Transactor<? extends DeliveryTx> transactions;
    private final Verdict.Judge judge;
    private final FailureWatch watch;
    /**
     * When this process last wrote a success of each subscription: more successes within a second are not
     * written again (the last success is kept to within a second; a failing period another instance started
     * ends at the next written success), which spares a transaction per delivery while all goes well.
     */
    private final Map<Long, Instant> notedSuccess = new ConcurrentHashMap<>();

    DeliveryOutcomes(Transactor<? extends DeliveryTx> transactions, Verdict.Judge judge, FailureWatch watch) {
        this.transactions = transactions;
        this.judge = judge;
        this.watch = watch;
    }

    /**
     * One attempt's result waiting to be written; {@code refused}: the format's reason why the answer ends the
     * delivery for good (then it is dead at once); {@code receiversFault}: false for Rollcall's own failure.
     */
    record Sent(ClaimedDelivery delivery, AttemptRecord attempt, Optional<Duration> retryAfter, Optional<String> refused,
                boolean receiversFault) {
    }

    /**
     * Writes a batch of attempts in one short transaction (one commit instead of one per delivery): the
     * successes in a few statements (fixed-shape batches), the rest one by one; each only
     * while its lease is held. Then the subscriptions' bookkeeping. The outcomes are
     * in the order of {@code batch}.
     */
    List<Outcome> recordAll(List<Sent> batch, String owner) {
        List<Verdict> verdicts = batch.stream().map(this::verdict).toList();
        List<Outcome> outcomes = transactions.inTransaction(tx -> {
            Map<Long, AttemptRecord> successes = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                if (verdicts.get(i) instanceof Verdict.Delivered) {
                    successes.put(batch.get(i).delivery().pk(), batch.get(i).attempt());
                }
            }
            Set<Long> written = tx.deliveries().deliveredAll(owner, successes);
            List<Outcome> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Sent s = batch.get(i);
                out.add(verdicts.get(i) instanceof Verdict.Delivered
                        ? written.contains(s.delivery().pk()) ? Outcome.DELIVERED : Outcome.LOST_LEASE
                        : write(tx, s.delivery(), owner, verdicts.get(i), s.attempt()));
            }
            return out;
        });
        noteSubscriptions(batch, outcomes);
        return outcomes;
    }

    private Verdict verdict(Sent s) {
        ClaimedDelivery d = s.delivery();
        int round = d.attempts() - d.roundBase() + 1;
        return s.refused().<Verdict>map(Verdict.Dead::new)
                .orElseGet(() -> judge.judge(s.attempt().statusCode(), s.retryAfter(), round, d.limits()));
    }

    private Outcome write(DeliveryTx tx, ClaimedDelivery d, String owner, Verdict verdict, AttemptRecord attempt) {
        Instant at = attempt.at();
        if (verdict instanceof Verdict.Delivered) {
            return tx.deliveries().delivered(d.pk(), owner, attempt) ? Outcome.DELIVERED : Outcome.LOST_LEASE;
        }
        if (verdict instanceof Verdict.Gone) {
            if (!tx.deliveries().dead(d.pk(), owner, attempt, "410 Gone: subscription disabled")) {
                return Outcome.LOST_LEASE;
            }
            disable(tx, d, "the receiver answered 410 Gone at " + at, at);
            return Outcome.GONE;
        }
        boolean written = verdict instanceof Verdict.Retry r
                ? tx.deliveries().retry(d.pk(), owner, attempt, at.plus(r.after()))
                : tx.deliveries().dead(d.pk(), owner, attempt, ((Verdict.Dead) verdict).reason() + "; last: "
                        + attempt.error());
        if (!written) {
            return Outcome.LOST_LEASE;
        }
        return verdict instanceof Verdict.Retry ? Outcome.RETRY : Outcome.DEAD;
    }

    /**
     * The subscriptions' bookkeeping of a batch in one transaction apart, subscriptions in pk order: per
     * subscription its last success (at most once a second) or, after a failure, its failing period, as
     * one attempt at a time would (a batch's later success ends a failing period).
     */
    private void noteSubscriptions(List<Sent> batch, List<Outcome> outcomes) {
        Map<Long, Sent> lastSuccess = new java.util.TreeMap<>();
        Map<Long, Sent> firstFailure = new java.util.TreeMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Sent s = batch.get(i);
            long sub = s.delivery().subscriptionPk();
            Outcome o = outcomes.get(i);
            if (o == Outcome.DELIVERED) {
                lastSuccess.merge(sub, s, (a, b) -> a.attempt().at().isAfter(b.attempt().at()) ? a : b);
            } else if ((o == Outcome.RETRY || o == Outcome.DEAD) && s.receiversFault()) {
                firstFailure.merge(sub, s, (a, b) -> a.attempt().at().isBefore(b.attempt().at()) ? a : b);
            }
        }
        // a success noted after the failure ends the failing period; else the failure counts
        lastSuccess.entrySet().removeIf(e -> firstFailure.containsKey(e.getKey())
                && !e.getValue().attempt().at().isAfter(firstFailure.get(e.getKey()).attempt().at()));
        firstFailure.keySet().removeIf(lastSuccess::containsKey);
        lastSuccess.entrySet().removeIf(e -> {
            Instant noted = notedSuccess.get(e.getKey());
            return noted != null && e.getValue().attempt().at().isBefore(noted.plusSeconds(1));
        });
        if (lastSuccess.isEmpty() && firstFailure.isEmpty()) {
            return;
        }
        try {
            transactions.inTransaction(tx -> {
                java.util.TreeSet<Long> subs = new java.util.TreeSet<>(lastSuccess.keySet());
                subs.addAll(firstFailure.keySet());
                for (long sub : subs) {
                    Sent ok = lastSuccess.get(sub);
                    if (ok != null) {
                        tx.subscriptions().succeeded(sub, ok.attempt().at());
                    } else {
                        Sent bad = firstFailure.get(sub);
                        Instant at = bad.attempt().at();
                        Instant since = tx.subscriptions().failed(sub, at);
                        watch.disableReason(since, at).ifPresent(reason -> disable(tx, bad.delivery(), reason, at));
                    }
                }
                return null;
            });
            lastSuccess.forEach((sub, ok) -> notedSuccess.put(sub, ok.attempt().at()));
            firstFailure.keySet().forEach(notedSuccess::remove);
        } catch (RuntimeException e) {
            // bookkeeping only: the next attempt of the subscription notes it again
            log.warn("the failing periods of {} subscriptions could not be updated: {}", lastSuccess.size() + firstFailure.size(),
                    e.toString());
        }
    }

    /** Disables the subscription with its reason, audited as the dispatcher's doing (once: not when already off). */
    private static void disable(DeliveryTx tx, ClaimedDelivery d, String reason, Instant at) {
        if (tx.subscriptions().disableByPk(d.subscriptionPk(), reason, at)) {
            tx.audit().record(at, new AuditRecord(Actor.of("delivery:dispatcher"), "subscription.disable", "subscription",
                    d.subscriptionId(), AuditRecord.fields(Map.of("enabled", true)),
                    AuditRecord.fields(Map.of("enabled", false, "disabledReason", reason))));
        }
    }
}
