package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;

import dev.rollcall.store.generated.tables.records.AuditRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Verifies the audit trail: the chain link by link up to the anchored head; every seq up to the
 * head accounted for exactly once; every unlinked row's content hash; every witness present.
 */
final class AuditVerifier {
    private static final int PAGE = 1000;
    private final DSLContext db;
    private final AuditHoles holes;

    AuditVerifier(DSLContext db, AuditHoles holes) {
        this.db = db;
        this.holes = holes;
    }

    AuditVerification verify() {
        AuditAnchor anchor = AuditAnchor.read(db, false);
        List<AuditHoles.Hole> pending = holes.all(db);
        long pendingSeqs = pending.stream().mapToLong(h -> h.through() - h.from() + 1).sum();
        long sealed = db.fetchCount(AUDIT, AUDIT.CHAIN_POS.isNotNull());
        long unsealed = db.fetchCount(AUDIT, AUDIT.CHAIN_POS.isNull());
        // each check names the seq it can; the lowest is the first broken one
        Optional<AuditVerification.Problem> problem = Stream.of(coverage(anchor, pending), chain(anchor), witnesses())
                .flatMap(Optional::stream).min(Comparator.comparingLong(AuditVerification.Problem::seq));
        return new AuditVerification(sealed, unsealed, pendingSeqs, problem);
    }

    /** Walks the links in chain order; the last must be the anchored head. */
    private Optional<AuditVerification.Problem> chain(AuditAnchor anchor) {
        String prev = AuditDigest.GENESIS;
        long pos = 0;
        long lastSeq = 0;
        while (true) {
            var rows = db.selectFrom(AUDIT).where(AUDIT.CHAIN_POS.gt(pos)).orderBy(AUDIT.CHAIN_POS).limit(PAGE).fetch();
            for (AuditRecord row : rows) {
                if (row.getChainPos() != pos + 1) {
                    return problem(row.getSeq(), "chain position " + (pos + 1) + " missing: a linked row was deleted");
                }
                if (!prev.equals(row.getPrevHash())
                        || !AuditDigest.link(prev, pos + 1, row.getSeq(), row.getRowHash()).equals(row.getHash())) {
                    return problem(row.getSeq(), "link broken: the row was altered, moved or inserted");
                }
                if (!contentIntact(row)) {
                    return problem(row.getSeq(), "content altered after it was written");
                }
                prev = row.getHash();
                pos++;
                lastSeq = row.getSeq();
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        if (pos != anchor.chainPos() || !prev.equals(anchor.headHash())) {
            // which seq the deleted head had is not known here; coverage names it
            return problem(pos < anchor.chainPos() ? anchor.highSeq() : lastSeq, pos < anchor.chainPos()
                    ? "the newest " + (anchor.chainPos() - pos) + " linked row(s) were deleted"
                    : "the chain goes beyond its anchored head");
        }
        return Optional.empty();
    }

    /** Walks the rows in seq order: linked ones must tile 1..head with the holes; unlinked ones must be intact. */
    private Optional<AuditVerification.Problem> coverage(AuditAnchor anchor, List<AuditHoles.Hole> pending) {
        AuditCoverage coverage = new AuditCoverage(pending, anchor.highSeq());
        long lastSeq = 0;
        while (true) {
            var rows = db.selectFrom(AUDIT).where(AUDIT.SEQ.gt(lastSeq)).orderBy(AUDIT.SEQ).limit(PAGE).fetch();
            for (AuditRecord row : rows) {
                lastSeq = row.getSeq();
                if (row.getChainPos() != null) {
                    coverage.covered(row.getSeq(), isGap(row) ? gapThrough(row) : row.getSeq());
                } else if (row.getHash() != null) {
                    return problem(row.getSeq(), "marked sealed but not in the chain: the row was inserted");
                } else if (row.getSeq() <= anchor.highSeq() && !coverage.inHole(row.getSeq())) {
                    return problem(row.getSeq(), "an unlinked row among linked ones: the row was inserted");
                } else if (!contentIntact(row) && !(row.getRowHash() == null && row.getSeq() <= anchor.legacyThrough())) {
                    return problem(row.getSeq(), "content hash wrong: the unlinked row was altered or forged");
                }
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        return coverage.finish();
    }

    /** A row names the newest row committed before it: that row must still be there, and the same. */
    private Optional<AuditVerification.Problem> witnesses() {
        var w = AUDIT.as("w");
        var row = AUDIT.as("r");
        return db.select(row.WITNESS_SEQ, row.SEQ).from(row).leftJoin(w).on(w.SEQ.eq(row.WITNESS_SEQ))
                .where(row.WITNESS_SEQ.isNotNull())
                .and(w.SEQ.isNull().or(w.ACTION.eq(AuditStore.GAP_ACTION))
                        .or(row.WITNESS_HASH.isNotNull().and(DSL.coalesce(w.ROW_HASH, "").ne(row.WITNESS_HASH))))
                .orderBy(row.WITNESS_SEQ).limit(1).fetchOptional()
                .map(r -> new AuditVerification.Problem(r.value1(), "seq " + r.value1() + ", which row " + r.value2()
                        + " saw committed, was deleted or altered"));
    }

    private static boolean contentIntact(AuditRecord row) {
        return row.getRowHash() != null && row.getRowHash().equals(AuditDigest.content(AuditDigest.Content.of(row)));
    }

    private static boolean isGap(AuditRecord row) {
        return AuditStore.GAP_ACTION.equals(row.getAction()) && AuditStore.SEALER.equals(row.getActor());
    }

    private static long gapThrough(AuditRecord row) {
        try {
            return Math.max(row.getSeq(), Long.parseLong(row.getTargetId()));
        } catch (NumberFormatException e) {
            return row.getSeq();
        }
    }

    private static Optional<AuditVerification.Problem> problem(long seq, String reason) {
        return Optional.of(new AuditVerification.Problem(seq, reason));
    }
}
