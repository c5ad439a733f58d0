package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT_SEAL;

import org.jooq.DSLContext;

/**
 * The chain head as the sealer left it: how many rows are linked, the last link, the highest seq
 * accounted for, and the last seq written before row hashes existed (V9).
 */
record AuditAnchor(long chainPos, String headHash, long highSeq, long legacyThrough) {
    private static final int ID = 1;

    static AuditAnchor read(DSLContext db, boolean forUpdate) {
        var query = db.selectFrom(AUDIT_SEAL).where(AUDIT_SEAL.ID.eq(ID));
        var r = (forUpdate ? query.forUpdate() : query).fetchOptional()
                .orElseThrow(() -> new IllegalStateException("audit_seal has no row: migration V9 did not run"));
        return new AuditAnchor(r.getChainPos(), r.getHeadHash(), r.getHighSeq(), r.getLegacyThrough());
    }

    void write(DSLContext tx) {
        tx.update(AUDIT_SEAL).set(AUDIT_SEAL.CHAIN_POS, chainPos).set(AUDIT_SEAL.HEAD_HASH, headHash)
                .set(AUDIT_SEAL.HIGH_SEQ, highSeq).where(AUDIT_SEAL.ID.eq(ID)).execute();
    }

    AuditAnchor linked(String hash) {
        return new AuditAnchor(chainPos + 1, hash, highSeq, legacyThrough);
    }

    AuditAnchor through(long seq) {
        return new AuditAnchor(chainPos, headHash, Math.max(highSeq, seq), legacyThrough);
    }
}
