package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;

import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * Appends audit records inside the caller's transaction. Before/after states arrive as JSON text
 * rendered by the protocol layer; hashing into the chain happens after commit (see the schema).
 */
public final class AuditStore {

    public record Entry(String actor, String action, String targetType, String targetId,
                        String beforeJson, String afterJson, String correlationId) {
    }

    public void append(DSLContext tx, Instant at, Entry e) {
        tx.insertInto(AUDIT)
                .set(AUDIT.AT, Clock.toDb(at))
                .set(AUDIT.ACTOR, e.actor())
                .set(AUDIT.ACTION, e.action())
                .set(AUDIT.TARGET_TYPE, e.targetType())
                .set(AUDIT.TARGET_ID, e.targetId())
                .set(AUDIT.CORRELATION_ID, e.correlationId())
                .set(AUDIT.BEFORE_STATE, e.beforeJson() == null ? null : JSON.valueOf(e.beforeJson()))
                .set(AUDIT.AFTER_STATE, e.afterJson() == null ? null : JSON.valueOf(e.afterJson()))
                .execute();
    }
}
