package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.EVENT_SNAPSHOT;

import dev.rollcall.delivery.rules.DeliveryRetention;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Deletes old finished deliveries in windows of ix_delivery_due (status, next_attempt_at, pk): a finished
 * delivery has no next attempt, so each state is one range in pk order, read from a cursor so that a
 * window costs its own rows whatever the table's size. Rows that finished late (replayed, or retried for
 * hours) are stepped over, not waited for. The delete checks the state and the age again, so a delivery
 * replayed since the window was read stays. Attempts go with their delivery (ON DELETE CASCADE); a
 * snapshot goes when the last delivery of its event has (ix_delivery_event).
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
            var rows = tx.select(DELIVERY.PK, DELIVERY.EVENT_ID, DELIVERY.CREATED_AT, DELIVERY.FINISHED_AT)
                    .from(DELIVERY.forceIndex("ix_delivery_due"))
                    .where(DELIVERY.STATUS.eq(status)).and(DELIVERY.NEXT_ATTEMPT_AT.isNull()).and(DELIVERY.PK.gt(after))
                    .orderBy(DELIVERY.PK).limit(window)
                    .fetch();
            if (rows.isEmpty()) {
                return new Pass(0, 0, after, true);
            }
            List<Long> old = new ArrayList<>();
            Set<String> events = new HashSet<>();
            for (var r : rows) {
                LocalDateTime finished = r.value4() != null ? r.value4() : r.value3();
                if (finished.isBefore(cutoff)) {
                    old.add(r.value1());
                    events.add(r.value2());
                }
            }
            var last = rows.get(rows.size() - 1);
            boolean done = rows.size() < window || !last.value3().isBefore(cutoff);
            if (old.isEmpty()) {
                return new Pass(0, 0, last.value1(), done);
            }
            int deleted = tx.deleteFrom(DELIVERY).where(DELIVERY.PK.in(old)).and(DELIVERY.STATUS.eq(status))
                    .and(DELIVERY.NEXT_ATTEMPT_AT.isNull())
                    .and(DSL.coalesce(DELIVERY.FINISHED_AT, DELIVERY.CREATED_AT).lt(cutoff))
                    .execute();
            return new Pass(deleted, orphanedSnapshots(tx, events), last.value1(), done);
        });
    }

    /** Deletes the snapshots of these events that no delivery refers to any more. */
    private static int orphanedSnapshots(DSLContext tx, Set<String> events) {
        return tx.deleteFrom(EVENT_SNAPSHOT).where(EVENT_SNAPSHOT.EVENT_ID.in(events))
                .andNotExists(DSL.selectOne().from(DELIVERY).where(DELIVERY.EVENT_ID.eq(EVENT_SNAPSHOT.EVENT_ID)))
                .execute();
    }
}
