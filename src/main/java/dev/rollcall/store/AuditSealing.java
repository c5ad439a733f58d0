package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;

import dev.rollcall.store.generated.tables.records.AuditRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * One sealing pass, in one transaction: settles holes whose transactions have ended (late commits
 * are linked, rolled-back seqs recorded as gap rows), then links every row committed beyond the
 * head in seq order, noting the seqs it had to pass as holes.
 */
final class AuditSealing {
    private final DSLContext tx;
    private final AuditStore store;
    private final AuditHoles holes;
    private final Instant now;
    private final List<Long> suspect = new ArrayList<>();
    private AuditAnchor anchor;
    private int linked;

    AuditSealing(DSLContext tx, AuditStore store, AuditHoles holes, Instant now) {
        this.tx = tx;
        this.store = store;
        this.holes = holes;
        this.now = now;
        this.anchor = AuditAnchor.read(tx, true);
    }

    AuditChain.SealPass run(List<AuditHoles.Hole> settled, int batch) {
        for (AuditHoles.Hole hole : settled) {
            settle(hole);
        }
        List<AuditRecord> fresh = tx.selectFrom(AUDIT).where(AUDIT.SEQ.gt(anchor.highSeq())).orderBy(AUDIT.SEQ)
                .limit(batch).fetch();
        for (AuditRecord row : fresh) {
            if (row.getSeq() > anchor.highSeq() + 1) {
                holes.add(tx, anchor.highSeq() + 1, row.getSeq() - 1, now);
            }
            link(row);
            anchor = anchor.through(row.getSeq());
        }
        anchor.write(tx);
        return new AuditChain.SealPass(linked, fresh.size() == batch, List.copyOf(suspect));
    }

    /** No transaction holds a seq of the hole any more: link what committed, record the rest as gaps. */
    private void settle(AuditHoles.Hole hole) {
        List<AuditRecord> committed = tx.selectFrom(AUDIT).where(AUDIT.SEQ.between(hole.from(), hole.through()))
                .orderBy(AUDIT.SEQ).fetch();
        Set<Long> witnessed = holes.witnessed(tx, hole);
        if (committed.size() < hole.through() - hole.from() + 1
                && witnessed.stream().anyMatch(seq -> committed.stream().noneMatch(r -> r.getSeq().equals(seq)))) {
            // a later row saw one of these committed: it was deleted, not rolled back; keep the hole for verify
            suspect.add(hole.from());
            return;
        }
        long next = hole.from();
        for (AuditRecord row : committed) {
            if (row.getSeq() > next) {
                gap(next, row.getSeq() - 1);
            }
            if (row.getChainPos() == null) {
                link(row);
            }
            next = row.getSeq() + 1;
        }
        if (next <= hole.through()) {
            gap(next, hole.through());
        }
        holes.remove(tx, hole);
    }

    private void gap(long from, long through) {
        store.appendGap(tx, now, from, through);
        link(tx.selectFrom(AUDIT).where(AUDIT.SEQ.eq(from)).fetchSingle());
    }

    /** Links a row as the next chain position. Its stored content hash is kept even when wrong, so verify still sees it. */
    private void link(AuditRecord row) {
        String rowHash = row.getRowHash();
        if (rowHash == null && row.getSeq() <= anchor.legacyThrough()) {
            rowHash = AuditDigest.content(AuditDigest.Content.of(row));
        } else if (rowHash == null || !rowHash.equals(AuditDigest.content(AuditDigest.Content.of(row)))) {
            suspect.add(row.getSeq());
        }
        long pos = anchor.chainPos() + 1;
        String hash = AuditDigest.link(anchor.headHash(), pos, row.getSeq(), rowHash);
        tx.update(AUDIT).set(AUDIT.ROW_HASH, rowHash).set(AUDIT.PREV_HASH, anchor.headHash()).set(AUDIT.HASH, hash)
                .set(AUDIT.CHAIN_POS, pos).where(AUDIT.SEQ.eq(row.getSeq())).execute();
        anchor = anchor.linked(hash);
        linked++;
    }
}
