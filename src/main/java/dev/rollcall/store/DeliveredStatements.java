package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ATTEMPT;
import static dev.rollcall.store.generated.Tables.DELIVERY;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.LocalDateTime;

/**
 * The two writes of a dispatcher's group of successes, one row each, sent as batches (the group's size
 * changes from one group to the next; these statements' shapes do not). Shared by every transaction.
 */
final class DeliveredStatements {
    /** delivery_pk, at, latency_ms, status_code, error, answer */
    final FixedBatch attempt = new FixedBatch(db -> db.insertInto(ATTEMPT, ATTEMPT.DELIVERY_PK, ATTEMPT.AT, ATTEMPT.LATENCY_MS,
            ATTEMPT.STATUS_CODE, ATTEMPT.ERROR, ATTEMPT.ANSWER)
            .values(param("delivery", Long.class), param("at", LocalDateTime.class), param("latency", Long.class),
                    param("status", Integer.class), param("error", String.class), param("answer", String.class)), 6);

    /**
     * finished_at, pk. A delivered attempt has no error (2xx), so last_error is cleared as a single
     * finish does; the lease and the due time go.
     */
    final FixedBatch delivered = new FixedBatch(db -> db.update(DELIVERY)
            .set(DELIVERY.STATUS, inline(DeliveryStatus.delivered)).set(DELIVERY.ATTEMPTS, DELIVERY.ATTEMPTS.plus(inline(1)))
            .set(DELIVERY.NEXT_ATTEMPT_AT, inline((LocalDateTime) null)).set(DELIVERY.LEASE_OWNER, inline((String) null))
            .set(DELIVERY.LEASE_UNTIL, inline((LocalDateTime) null)).set(DELIVERY.LAST_ERROR, inline((String) null))
            .set(DELIVERY.FINISHED_AT, param("finished", LocalDateTime.class))
            .where(DELIVERY.PK.eq(param("pk", Long.class))), 2);
}
