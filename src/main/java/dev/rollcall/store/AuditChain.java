package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;

import dev.rollcall.store.generated.tables.records.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.impl.DSL;

/**
 * The audit hash chain. Writers append rows unsealed, so they never contend for the chain head;
 * the sealer links committed rows in sequence order, each hash covering the previous hash and the
 * row's content. Any later change to a sealed row, or a deleted one, breaks verification.
 * Only rows older than a settle time are sealed, so a slow transaction's row is not skipped.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    private static final String LOCK = "rollcall.audit.seal";

    /** Outcome of a verification. */
    public record Verification(long sealedRows, long unsealedRows, Optional<Long> firstBrokenSeq) {
        public boolean intact() {
            return firstBrokenSeq.isEmpty();
        }
    }

    private final Database database;

    public AuditChain(Database database) {
        this.database = database;
    }

    /**
     * Seals up to {@code batch} rows written before {@code settledBefore}; returns how many. Several
     * instances may run this: a MariaDB named lock lets one seal at a time.
     */
    public int sealPending(Instant settledBefore, int batch) {
        return database.dsl().connectionResult(connection -> {
            DSLContext db = DSL.using(connection, database.dsl().dialect(), database.dsl().settings());
            Field<Integer> got = DSL.field("GET_LOCK({0}, 0)", Integer.class, DSL.val(LOCK));
            Integer locked = db.select(got).fetchOne(0, Integer.class);
            if (locked == null || locked != 1) {
                return 0;
            }
            try {
                return db.transactionResult(cfg -> seal(cfg.dsl(), settledBefore, batch));
            } finally {
                db.select(DSL.field("RELEASE_LOCK({0})", Integer.class, DSL.val(LOCK))).fetch();
            }
        });
    }

    private int seal(DSLContext tx, Instant settledBefore, int batch) {
        var head = tx.select(AUDIT.SEQ, AUDIT.HASH).from(AUDIT).where(AUDIT.HASH.isNotNull())
                .orderBy(AUDIT.SEQ.desc()).limit(1).fetchOptional();
        long afterSeq = head.map(r -> r.value1()).orElse(0L);
        String prev = head.map(r -> r.value2()).orElse(GENESIS);
        var rows = tx.selectFrom(AUDIT).where(AUDIT.SEQ.gt(afterSeq)).and(AUDIT.HASH.isNull())
                .and(AUDIT.AT.lt(Clock.toDb(settledBefore)))
                .orderBy(AUDIT.SEQ).limit(batch).fetch();
        for (AuditRecord row : rows) {
            String hash = hash(prev, row);
            tx.update(AUDIT).set(AUDIT.PREV_HASH, prev).set(AUDIT.HASH, hash).where(AUDIT.SEQ.eq(row.getSeq())).execute();
            prev = hash;
        }
        return rows.size();
    }

    /** Recomputes the chain over every sealed row, in sequence order. */
    public Verification verify() {
        DSLContext db = database.dsl();
        String prev = GENESIS;
        long sealed = 0;
        long lastSeq = 0;
        while (true) {
            var rows = db.selectFrom(AUDIT).where(AUDIT.SEQ.gt(lastSeq)).and(AUDIT.HASH.isNotNull())
                    .orderBy(AUDIT.SEQ).limit(1000).fetch();
            if (rows.isEmpty()) {
                break;
            }
            for (AuditRecord row : rows) {
                if (!prev.equals(row.getPrevHash()) || !hash(prev, row).equals(row.getHash())) {
                    return new Verification(sealed, unsealed(db), Optional.of(row.getSeq()));
                }
                prev = row.getHash();
                lastSeq = row.getSeq();
                sealed++;
            }
        }
        return new Verification(sealed, unsealed(db), Optional.empty());
    }

    private static long unsealed(DSLContext db) {
        return db.fetchCount(AUDIT, AUDIT.HASH.isNull());
    }

    static String hash(String prev, AuditRecord row) {
        StringBuilder content = new StringBuilder(prev).append('\n')
                .append(row.getSeq()).append('\n')
                .append(row.getAt()).append('\n')
                .append(row.getActor()).append('\n')
                .append(row.getAction()).append('\n')
                .append(row.getTargetType()).append('\n')
                .append(nullable(row.getTargetId())).append('\n')
                .append(nullable(row.getCorrelationId())).append('\n')
                .append(json(row.getBeforeState())).append('\n')
                .append(json(row.getAfterState()));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String nullable(String s) {
        return s == null ? "\u0000" : s;
    }

    private static String json(JSON j) {
        return j == null ? "\u0000" : j.data();
    }
}
