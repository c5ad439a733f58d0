package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Appends audit records inside the caller's transaction. Before/after states arrive as JSON text
 * rendered by the protocol layer. Each row carries its own content hash and names the newest row
 * committed before it (its witness); linking into the chain happens after commit ({@link AuditChain}).
 */
public final class AuditStore {
    static final String GAP_ACTION = "audit.gap";
    static final String SEALER = "rollcall:audit-sealer";

    public record Entry(String actor, String action, String targetType, String targetId,
                        String beforeJson, String afterJson, String correlationId) {
    }

    /** The newest row before the ones a transaction appends (seq and hash both null when there is none). */
    public record Witness(Long seq, String hash) {
    }

    /**
     * The witness read and the row insert run in the transaction of every change; both are rendered once
     * (rendering them anew each time cost more CPU than MariaDB spent on them).
     */
    private final FixedQuery newest = new FixedQuery(db -> db.select(AUDIT.SEQ, AUDIT.ROW_HASH).from(AUDIT)
            .orderBy(AUDIT.SEQ.desc()).limit(inline(1)), 0);
    /** at, actor, action, target_type, target_id, correlation_id, before_state, after_state, witness seq and hash, row_hash */
    private final FixedBatch row = new FixedBatch(db -> db.insertInto(AUDIT, AUDIT.AT, AUDIT.ACTOR, AUDIT.ACTION,
                    AUDIT.TARGET_TYPE, AUDIT.TARGET_ID, AUDIT.CORRELATION_ID, AUDIT.BEFORE_STATE, AUDIT.AFTER_STATE,
                    AUDIT.WITNESS_SEQ, AUDIT.WITNESS_HASH, AUDIT.ROW_HASH)
            .values(param("at", AUDIT.AT), param("actor", AUDIT.ACTOR), param("action", AUDIT.ACTION),
                    param("targetType", AUDIT.TARGET_TYPE), param("targetId", AUDIT.TARGET_ID),
                    param("correlationId", AUDIT.CORRELATION_ID), param("before", AUDIT.BEFORE_STATE),
                    param("after", AUDIT.AFTER_STATE), param("witnessSeq", AUDIT.WITNESS_SEQ),
                    param("witnessHash", AUDIT.WITNESS_HASH), param("rowHash", AUDIT.ROW_HASH)), 11);

    public void append(DSLContext tx, Instant at, Entry e) {
        append(tx, at, e, witness(tx));
    }

    /**
     * A consistent read of the index's last committed entry: no lock, no contention with other writers.
     * A transaction appending several rows may read it once, before its first row, and name it in all.
     */
    Witness witness(DSLContext tx) {
        List<Witness> last = newest.fetch(tx, r -> new Witness(r.get(AUDIT.SEQ), r.get(AUDIT.ROW_HASH)));
        return last.isEmpty() ? new Witness(null, null) : last.get(0);
    }

    void append(DSLContext tx, Instant at, Entry e, Witness witness) {
        AuditDigest.Content content = new AuditDigest.Content(micros(at), e.actor(), e.action(), e.targetType(),
                e.targetId(), e.correlationId(), e.beforeJson(), e.afterJson(), witness.seq(), witness.hash());
        // the JSON states go as the text the protocol rendered: the row hash covers exactly what is stored
        row.executeOne(tx, content.at(), e.actor(), e.action(), e.targetType(), e.targetId(), e.correlationId(),
                e.beforeJson(), e.afterJson(), content.witnessSeq(), content.witnessHash(), AuditDigest.content(content));
    }

    /**
     * The sealer's record that seqs {@code from..through} were never committed (their transactions
     * rolled back): a row at {@code from} whose target id is {@code through}.
     */
    void appendGap(DSLContext tx, Instant at, long from, long through) {
        String last = Long.toString(through);
        AuditDigest.Content content = new AuditDigest.Content(micros(at), SEALER, GAP_ACTION, "audit", last, null,
                null, null, null, null);
        tx.insertInto(AUDIT)
                .set(AUDIT.SEQ, from)
                .set(AUDIT.AT, content.at())
                .set(AUDIT.ACTOR, SEALER)
                .set(AUDIT.ACTION, GAP_ACTION)
                .set(AUDIT.TARGET_TYPE, "audit")
                .set(AUDIT.TARGET_ID, last)
                .set(AUDIT.ROW_HASH, AuditDigest.content(content))
                .execute();
    }

    /** DATETIME(6) keeps microseconds; the hash must cover exactly what is stored. */
    private static LocalDateTime micros(Instant at) {
        return Clock.toDb(at.truncatedTo(ChronoUnit.MICROS));
    }
}
