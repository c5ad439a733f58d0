package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.DeliveryFilter;
import dev.rollcall.delivery.rules.DeliveryRows;
import dev.rollcall.delivery.rules.DeliveryTx;
import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Re-sends deliveries with their original event ids, audited: one finished (delivered or dead)
 * delivery, or a subscription's deliveries by status and/or time range, at most {@link #MAX} at once.
 */
public final class DeliveryReplays {
    /** The most deliveries one replay request may take up; a wider one is refused, changing nothing. */
    public static final int MAX = 1000;
    private final Transactor<? extends DeliveryTx> transactions;
    private final Clock clock;

    public DeliveryReplays(Transactor<? extends DeliveryTx> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public void replay(Actor actor, String deliveryId) {
        Instant now = Timestamps.now(clock);
        transactions.inTransaction(tx -> {
            DeliveryRows.ReplayOutcome outcome = tx.deliveries().replay(deliveryId, now)
                    .orElseThrow(() -> new SubscriptionException(404, "no delivery " + deliveryId));
            if (outcome == DeliveryRows.ReplayOutcome.NOT_FINISHED) {
                throw new SubscriptionException(409, "delivery " + deliveryId + " is still being delivered;"
                        + " only a delivered or dead delivery can be replayed");
            }
            tx.audit().record(now, new AuditRecord(actor, "delivery.replay", "delivery", deliveryId, null,
                    AuditRecord.fields(Map.of("status", "pending"))));
            return null;
        });
    }

    /** Replays what matches (delivered, failed and dead ones only); returns how many. */
    public int replayMatching(Actor actor, String subscriptionId, DeliveryFilter filter) {
        if (filter.status() == null && filter.from() == null && filter.to() == null) {
            throw new SubscriptionException(400, "give 'status' and/or a time range ('from', 'to')");
        }
        if (filter.status() != null && !DeliveryFilter.REPLAYABLE.contains(filter.status())) {
            throw new SubscriptionException(400, "'status' of a replay must be delivered, failed or dead");
        }
        Instant now = Timestamps.now(clock);
        return transactions.inTransaction(tx -> {
            tx.subscriptions().lockById(subscriptionId).orElseThrow(() -> new SubscriptionException(404,
                    "no subscription " + subscriptionId));
            int n = tx.deliveries().replayMatching(subscriptionId, filter, now, MAX);
            if (n < 0) {
                throw new SubscriptionException(400, "more than " + MAX + " deliveries match; narrow 'from'/'to' or 'status'"
                        + " and replay in parts");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("status", filter.status());
            fields.put("personId", filter.personId());
            fields.put("eventType", filter.eventType());
            fields.put("from", filter.from() == null ? null : filter.from().toString());
            fields.put("to", filter.to() == null ? null : filter.to().toString());
            fields.put("replayed", n);
            fields.values().removeIf(java.util.Objects::isNull);
            tx.audit().record(now, new AuditRecord(actor, "subscription.replay", "subscription", subscriptionId, null,
                    AuditRecord.fields(fields)));
            return n;
        });
    }
}
