package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.EVENT_SNAPSHOT;

import dev.rollcall.delivery.rules.DeliveryRetention;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * Deletes old finished deliveries in windows of ix_delivery_due (status, next_attempt_at, pk): a finished
 * delivery has no next attempt, so each state is one range in pk order, read from a cursor so that a
 * window costs its own rows whatever the table's size. Rows that finished late (replayed, or retried for
 * hours) are stepped over, not waited for. The delete checks the state and the age again, so a delivery
 * replayed since the window was read stays. Attempts go with their delivery (ON DELETE CASCADE).
 * Snapshots are walked by event id (ULIDs: the order events were made in) and each goes once no
 * delivery refers to its event (ix_delivery_event), which also finds those whose deliveries went with a
 * deleted subscription.
 */
public final class StoreDeliveryRetention implements DeliveryRetention {
    private final Transactions transactions;

    public StoreDeliveryRetention(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Pass purge(Finished state, Instant finishedBefore, long after, int window) {
        DeliveryStatus status = state == Finished.DELIVERED ? DeliveryStatus.delivered : DeliveryStatus.dead;
        LocalDateTime cutoff = Clock.toDb(finishedBefore);
        return transactions.inTransaction(tx -> {
            // the index named: on a small table MariaDB may walk the primary key instead, which for the few dead
            // rows of a large table would read all of it
            var rows = tx.select(DELIVERY.PK, DELIVERY.CREATED_AT, DELIVERY.FINISHED_AT)
                    .from(DELIVERY.forceIndex("ix_delivery_due"))
                    .where(DELIVERY.STATUS.eq(status)).and(DELIVERY.NEXT_ATTEMPT_AT.isNull()).and(DELIVERY.PK.gt(after))
                    .orderBy(DELIVERY.PK).limit(window)
                    .fetch();
            if (rows.isEmpty()) {
                return new Pass(0, after, true);
            }
            List<Long> old = new ArrayList<>();
            for (var r : rows) {
                LocalDateTime finished = r.value3() != null ? r.value3() : r.value2();
                if (finished.isBefore(cutoff)) {
                    old.add(r.value1());
                }
            }
            var last = rows.get(rows.size() - 1);
            boolean done = rows.size() < window || !last.value2().isBefore(cutoff);
            int deleted = old.isEmpty() ? 0 : tx.deleteFrom(DELIVERY).where(DELIVERY.PK.in(old))
                    .and(DELIVERY.STATUS.eq(status)).and(DELIVERY.NEXT_ATTEMPT_AT.isNull())
                    .and(DSL.coalesce(DELIVERY.FINISHED_AT, DELIVERY.CREATED_AT).lt(cutoff))
                    .execute();
            return new Pass(deleted, last.value1(), done);
        });
    }

    @Override
    public SnapshotPass purgeSnapshots(Instant eventsBefore, String after, int window) {
        LocalDateTime cutoff = Clock.toDb(eventsBefore);
        return transactions.inTransaction(tx -> {
            var rows = tx.select(EVENT_SNAPSHOT.EVENT_ID, EVENT.CREATED_AT).from(EVENT_SNAPSHOT)
                    .leftJoin(EVENT).on(EVENT.ID.eq(EVENT_SNAPSHOT.EVENT_ID))
                    .where(EVENT_SNAPSHOT.EVENT_ID.gt(after))
                    .orderBy(EVENT_SNAPSHOT.EVENT_ID).limit(window)
                    .fetch();
            if (rows.isEmpty()) {
                return new SnapshotPass(0, after, true);
            }
            // a snapshot without its event has nothing left to be sent for: old by definition
            List<String> old = rows.stream().filter(r -> r.value2() == null || r.value2().isBefore(cutoff))
                    .map(r -> r.value1()).toList();
            var last = rows.get(rows.size() - 1);
            boolean done = rows.size() < window || (last.value2() != null && !last.value2().isBefore(cutoff));
            int deleted = old.isEmpty() ? 0 : tx.deleteFrom(EVENT_SNAPSHOT).where(EVENT_SNAPSHOT.EVENT_ID.in(old))
                    .andNotExists(DSL.selectOne().from(DELIVERY).where(DELIVERY.EVENT_ID.eq(EVENT_SNAPSHOT.EVENT_ID)))
                    .execute();
            return new SnapshotPass(deleted, last.value1(), done);
        });
    }
}
