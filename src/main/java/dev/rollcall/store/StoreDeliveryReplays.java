package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;

import dev.rollcall.delivery.rules.DeliveryFilter;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import dev.rollcall.store.generated.tables.records.DeliveryRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * Replays the rows (locked by the caller; their statuses must be delivered, dead or failed) in a few
     * statements whatever their number: one update per kind of restart, then per subscription one read of
     * the touched chains and one update that releases the lowest waiting delivery of each chain that has
     * nothing in flight.
     */
    void replay(List<DeliveryRecord> rows, Instant now) {
        LocalDateTime at = Clock.toDb(now);
        List<Long> waiting = new ArrayList<>();
        List<Long> dueNow = new ArrayList<>();
        List<Long> retried = new ArrayList<>();
        Map<Long, Set<String>> chains = new HashMap<>();
        for (DeliveryRecord r : rows) {
            if (r.getStatus() == DeliveryStatus.failed) {
                retried.add(r.getPk()); // still the head of its chain: due again at once
            } else if (r.getPersonId() != null) {
                waiting.add(r.getPk()); // back into its chain, sent in sequence
                chains.computeIfAbsent(r.getSubscriptionPk(), k -> new HashSet<>()).add(r.getPersonId());
            } else {
                dueNow.add(r.getPk());
            }
        }
        restart(waiting, DeliveryStatus.pending, null);
        restart(dueNow, DeliveryStatus.pending, at);
        restart(retried, DeliveryStatus.failed, at);
        chains.forEach((subscriptionPk, persons) -> releaseIdleChains(subscriptionPk, persons, at));
    }

    /** A new round for the rows: attempts keep counting, round_base takes the count so far. */
    private void restart(List<Long> pks, DeliveryStatus status, LocalDateTime nextAttemptAt) {
        if (pks.isEmpty()) {
            return;
        }
        tx.update(DELIVERY).set(DELIVERY.STATUS, status)
                .set(DELIVERY.ROUND_BASE, DELIVERY.ATTEMPTS).set(DELIVERY.REPLAYS, DELIVERY.REPLAYS.plus(1))
                .set(DELIVERY.NEXT_ATTEMPT_AT, nextAttemptAt).setNull(DELIVERY.FINISHED_AT)
                .setNull(DELIVERY.LAST_ERROR).where(DELIVERY.PK.in(pks)).execute();
    }

    /**
     * Of the subscription's chains of these persons, each with nothing in flight (no head: leased, failed,
     * or pending with a time) has its lowest waiting sequence made due; a chain in flight releases its
     * next one when its head finishes.
     */
    private void releaseIdleChains(long subscriptionPk, Set<String> persons, LocalDateTime at) {
        Set<String> inFlight = new HashSet<>();
        WaitingHeads heads = new WaitingHeads();
        tx.select(DELIVERY.PK, DELIVERY.PERSON_ID, DELIVERY.STATUS, DELIVERY.NEXT_ATTEMPT_AT, DELIVERY.PERSON_SEQ)
                .from(DELIVERY)
                .where(DELIVERY.SUBSCRIPTION_PK.eq(subscriptionPk)).and(DELIVERY.PERSON_ID.in(persons))
                .and(DELIVERY.STATUS.in(DeliveryStatus.pending, DeliveryStatus.leased, DeliveryStatus.failed))
                .forEach(r -> {
                    if (r.value3() != DeliveryStatus.pending || r.value4() != null) {
                        inFlight.add(r.value2());
                    } else {
                        heads.offer(r.value2(), r.value1(), r.value5());
                    }
                });
        heads.release(tx, at, inFlight);
    }

    /** Matching replayable rows in pk order, locked; at most {@code max + 1} so that the caller can tell "too many". */
    List<DeliveryRecord> matching(String subscriptionId, DeliveryFilter filter, int max) {
        var statuses = filter.status() != null ? List.of(DeliveryStatus.valueOf(filter.status()))
                : DeliveryFilter.REPLAYABLE.stream().map(DeliveryStatus::valueOf).toList();
        return tx.selectFrom(DELIVERY).where(DeliveryConditions.of(subscriptionId, filter)).and(DELIVERY.STATUS.in(statuses))
                .orderBy(DELIVERY.PK).limit(max + 1).forUpdate().fetch();
    }
}
