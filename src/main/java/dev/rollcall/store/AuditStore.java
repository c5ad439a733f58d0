package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.jooq.JSON;

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

    public void append(DSLContext tx, Instant at, Entry e) {
        append(tx, at, e, witness(tx));
    }

    /**
     * A consistent read of the index's last committed entry: no lock, no contention with other writers.
     * A transaction appending several rows may read it once, before its first row, and name it in all.
     */
    Witness witness(DSLContext tx) {
        return tx.select(AUDIT.SEQ, AUDIT.ROW_HASH).from(AUDIT).orderBy(AUDIT.SEQ.desc()).limit(1).fetchOptional()
                .map(w -> new Witness(w.value1(), w.value2())).orElse(new Witness(null, null));
    }

    void append(DSLContext tx, Instant at, Entry e, Witness witness) {
        AuditDigest.Content content = new AuditDigest.Content(micros(at), e.actor(), e.action(), e.targetType(),
                e.targetId(), e.correlationId(), e.beforeJson(), e.afterJson(), witness.seq(), witness.hash());
        tx.insertInto(AUDIT)
                .set(AUDIT.AT, content.at())
                .set(AUDIT.ACTOR, e.actor())
                .set(AUDIT.ACTION, e.action())
                .set(AUDIT.TARGET_TYPE, e.targetType())
                .set(AUDIT.TARGET_ID, e.targetId())
                .set(AUDIT.CORRELATION_ID, e.correlationId())
                .set(AUDIT.BEFORE_STATE, verbatim(e.beforeJson()))
                .set(AUDIT.AFTER_STATE, verbatim(e.afterJson()))
                .set(AUDIT.WITNESS_SEQ, content.witnessSeq())
                .set(AUDIT.WITNESS_HASH, content.witnessHash())
                .set(AUDIT.ROW_HASH, AuditDigest.content(content))
                .execute();
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

    /** The text as the protocol rendered it: the row hash covers exactly what is stored ({@link JsonTextBinding}). */
    private static JSON verbatim(String json) {
        return json == null ? null : JSON.valueOf(json);
    }

    /** DATETIME(6) keeps microseconds; the hash must cover exactly what is stored. */
    private static LocalDateTime micros(Instant at) {
        return Clock.toDb(at.truncatedTo(ChronoUnit.MICROS));
    }
}
