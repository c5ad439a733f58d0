package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.DeliveryRows;
import dev.rollcall.delivery.rules.DeliveryTx;
import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Re-sends a finished (delivered or dead) delivery with its original event id, audited. */
public final class DeliveryReplays {
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
}
