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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what one attempt means for its delivery and subscription: in one short transaction the
 * attempt and the delivery's next state (only while the lease is still the caller's); then, in a
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

    /** {@code refused}: the format's reason why the answer ends the delivery for good (then it is dead at once). */
    Outcome record(ClaimedDelivery d, String owner, AttemptRecord attempt, Optional<Duration> retryAfter,
                   Optional<String> refused, boolean receiversFault) {
        int round = d.attempts() - d.roundBase() + 1;
        Verdict verdict = refused.<Verdict>map(Verdict.Dead::new)
                .orElseGet(() -> judge.judge(attempt.statusCode(), retryAfter, round, d.limits()));
        Instant at = attempt.at();
        Outcome outcome = transactions.inTransaction(tx -> {
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
        });
        try {
            if (outcome == Outcome.DELIVERED) {
                Instant noted = notedSuccess.get(d.subscriptionPk());
                if (noted == null || !at.isBefore(noted.plusSeconds(1))) {
                    transactions.inTransaction(tx -> {
                        tx.subscriptions().succeeded(d.subscriptionPk(), at);
                        return null;
                    });
                    notedSuccess.put(d.subscriptionPk(), at);
                }
            } else if ((outcome == Outcome.RETRY || outcome == Outcome.DEAD) && receiversFault) {
                notedSuccess.remove(d.subscriptionPk());
                transactions.inTransaction(tx -> {
                    Instant since = tx.subscriptions().failed(d.subscriptionPk(), at);
                    watch.disableReason(since, at).ifPresent(reason -> disable(tx, d, reason, at));
                    return null;
                });
            }
        } catch (RuntimeException e) {
            // bookkeeping only: the next attempt of the subscription notes it again
            log.warn("subscription of delivery {}: its failing period could not be updated: {}", d.id(), e.toString());
        }
        return outcome;
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
