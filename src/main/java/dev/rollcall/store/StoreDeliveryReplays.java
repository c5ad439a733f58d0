package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;

import dev.rollcall.delivery.rules.DeliveryFilter;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import dev.rollcall.store.generated.tables.records.DeliveryRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Replays in the caller's transaction. Attempts keep counting; round_base takes the count so far, so
 * the replay gets a whole round. A finished person delivery goes back into its chain as waiting, and
 * the chain's lowest waiting one is released unless something of the chain is in flight, so a person's
 * replayed deliveries are sent one by one in sequence.
 */
final class StoreDeliveryReplays {
    private final DSLContext tx;

    StoreDeliveryReplays(DSLContext tx) {
        this.tx = tx;
    }

    /** Locks and replays the rows; the statuses must be delivered, dead or failed. */
    void replay(List<DeliveryRecord> rows, Instant now) {
        LocalDateTime at = Clock.toDb(now);
        Set<String> chains = new HashSet<>();
        for (DeliveryRecord r : rows) {
            boolean failed = r.getStatus() == DeliveryStatus.failed;
            boolean waits = !failed && r.getPersonId() != null;
            tx.update(DELIVERY).set(DELIVERY.STATUS, failed ? DeliveryStatus.failed : DeliveryStatus.pending)
                    .set(DELIVERY.ROUND_BASE, DELIVERY.ATTEMPTS).set(DELIVERY.REPLAYS, DELIVERY.REPLAYS.plus(1))
                    .set(DELIVERY.NEXT_ATTEMPT_AT, waits ? null : at).setNull(DELIVERY.FINISHED_AT)
                    .setNull(DELIVERY.LAST_ERROR).where(DELIVERY.PK.eq(r.getPk())).execute();
            if (waits) {
                chains.add(r.getSubscriptionPk() + "/" + r.getPersonId());
            }
        }
        for (DeliveryRecord r : rows) {
            String key = r.getSubscriptionPk() + "/" + r.getPersonId();
            if (chains.remove(key) && !inFlight(r.getSubscriptionPk(), r.getPersonId())) {
                List<Long> next = StoreDeliveryRows.nextWaiting(tx, r.getSubscriptionPk(), r.getPersonId()).fetch(DELIVERY.PK);
                if (!next.isEmpty()) {
                    tx.update(DELIVERY).set(DELIVERY.NEXT_ATTEMPT_AT, at).where(DELIVERY.PK.eq(next.get(0))).execute();
                }
            }
        }
    }

    /** Matching replayable rows in pk order, locked; at most {@code max + 1} so that the caller can tell "too many". */
    List<DeliveryRecord> matching(String subscriptionId, DeliveryFilter filter, int max) {
        var statuses = filter.status() != null ? List.of(DeliveryStatus.valueOf(filter.status()))
                : DeliveryFilter.REPLAYABLE.stream().map(DeliveryStatus::valueOf).toList();
        return tx.selectFrom(DELIVERY).where(DeliveryConditions.of(subscriptionId, filter)).and(DELIVERY.STATUS.in(statuses))
                .orderBy(DELIVERY.PK).limit(max + 1).forUpdate().fetch();
    }

    /** Whether the chain has a delivery being sent or due: the head (leased, failed, or pending with a time). */
    private boolean inFlight(long subscriptionPk, String personId) {
        return tx.fetchExists(tx.selectOne().from(DELIVERY).where(DELIVERY.SUBSCRIPTION_PK.eq(subscriptionPk))
                .and(DELIVERY.PERSON_ID.eq(personId))
                .and(DELIVERY.STATUS.in(DeliveryStatus.leased, DeliveryStatus.failed)
                        .or(DELIVERY.STATUS.eq(DeliveryStatus.pending).and(DELIVERY.NEXT_ATTEMPT_AT.isNotNull()))));
    }
}
