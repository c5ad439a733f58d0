package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.AUDIT_HOLE;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.JSON;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sealing with commits out of order and rolled back, and what verification sees after tampering. */
class AuditChainTest {
    final AuditTrailFixture trail = new AuditTrailFixture();

    @AfterEach
    void close() {
        trail.close();
    }

    @Test
    void aRowCommittedAfterTheRowAfterItIsSealedOnTheNextPass() throws Exception {
        trail.write();
        try (var a = trail.begin(); var b = trail.begin()) {
            b.commit();
            trail.seal();
            assertThat(linked(b.seq)).isTrue();
            AuditVerification waiting = trail.chain.verify();
            assertThat(waiting.intact()).as(waiting.problem().toString()).isTrue();
            assertThat(waiting.pendingSeqs()).isEqualTo(1);

            a.commit();
            trail.seal();
            assertThat(linked(a.seq)).isTrue();
        }
        AuditVerification v = trail.chain.verify();
        assertThat(v.intact()).as(v.problem().toString()).isTrue();
        assertThat(v.sealedRows()).isEqualTo(3);
        assertThat(v.unsealedRows()).isZero();
        assertThat(v.pendingSeqs()).isZero();
    }

    @Test
    void aSeqHeldByAnOpenTransactionIsNeverTakenForARollback() throws Exception {
        try (var a = trail.begin()) {
            trail.write();
            for (int i = 0; i < 3; i++) {
                trail.seal();
            }
            assertThat(gapRows()).isZero();
            assertThat(trail.sql().fetchCount(AUDIT_HOLE)).isEqualTo(1);
            a.commit();
            trail.seal();
            assertThat(linked(a.seq)).isTrue();
        }
        assertThat(gapRows()).isZero();
        assertThat(trail.chain.verify().intact()).isTrue();
    }

    @Test
    void aRolledBackSeqIsRecordedInTheChainAsAGap() throws Exception {
        long rolledBack;
        try (var a = trail.begin()) {
            rolledBack = a.seq;
            trail.write();
            a.rollback();
        }
        trail.write();
        trail.seal();
        assertThat(trail.sql().fetchValue(AUDIT.ACTION, AUDIT.SEQ.eq(rolledBack))).isEqualTo("audit.gap");
        AuditVerification v = trail.chain.verify();
        assertThat(v.intact()).as(v.problem().toString()).isTrue();
        assertThat(v.pendingSeqs()).isZero();
    }

    @Test
    void verificationWhileTheSealerRunsSeesOneConsistentState() throws Exception {
        for (int i = 0; i < 40; i++) {
            trail.write();
        }
        Thread sealer = new Thread(() -> {
            while (trail.chain.sealPending(trail.clock.instant(), 1).linked() > 0) {
                Thread.onSpinWait();
            }
        });
        sealer.start();
        try {
            for (int i = 0; i < 15; i++) {
                AuditVerification v = trail.chain.verify();
                assertThat(v.intact()).as(v.problem().toString()).isTrue();
                assertThat(v.sealedRows() + v.unsealedRows()).isEqualTo(40);
            }
        } finally {
            sealer.join(10_000);
        }
    }

    @Test
    void editingASealedRowBreaksTheChainAtThatRow() throws Exception {
        trail.write();
        long second = trail.write();
        trail.write();
        trail.seal();
        trail.sql().update(AUDIT).set(AUDIT.AFTER_STATE, JSON.valueOf("{\"name\":\"forged\"}")).where(AUDIT.SEQ.eq(second)).execute();
        assertThat(trail.chain.verify().firstBrokenSeq()).hasValue(second);
    }

    @Test
    void deletingASealedRowOrTheNewestOneBreaksTheChain() throws Exception {
        long first = trail.write();
        trail.write();
        long last = trail.write();
        trail.seal();
        delete(first);
        assertThat(trail.chain.verify().intact()).isFalse();
        // the newest sealed row: nothing links to it, but the anchored head does
        try (var fresh = new AuditTrailFixture()) {
            fresh.write();
            long newest = fresh.write();
            fresh.seal();
            fresh.sql().deleteFrom(AUDIT).where(AUDIT.SEQ.eq(newest)).execute();
            assertThat(fresh.chain.verify().firstBrokenSeq()).hasValue(newest);
        }
        assertThat(last).isGreaterThan(first);
    }

    @Test
    void aRowInsertedIntoARecordedGapBreaksTheChain() throws Exception {
        long rolledBack;
        try (var a = trail.begin()) {
            rolledBack = a.seq;
            a.rollback();
        }
        trail.write();
        trail.seal();
        trail.sql().deleteFrom(AUDIT).where(AUDIT.SEQ.eq(rolledBack)).execute();
        copyRow(rolledBack + 1, rolledBack);
        assertThat(trail.chain.verify().firstBrokenSeq()).hasValue(rolledBack);
    }

    @Test
    void anUnsealedRowThatIsAlteredOrForgedIsDetected() throws Exception {
        trail.write();
        trail.seal();
        long unsealed = trail.write();
        trail.sql().update(AUDIT).set(AUDIT.ACTOR, "admin:mallory").where(AUDIT.SEQ.eq(unsealed)).execute();
        assertThat(trail.chain.verify().firstBrokenSeq()).hasValue(unsealed);

        try (var fresh = new AuditTrailFixture()) {
            long row = fresh.write();
            fresh.seal();
            fresh.sql().execute("INSERT INTO audit (seq, at, actor, action, target_type) VALUES (?, NOW(6), 'admin:mallory', 'x', 'y')",
                    row + 1);
            assertThat(fresh.chain.verify().firstBrokenSeq()).hasValue(row + 1);
        }
    }

    @Test
    void anUnsealedRowDeletedAtTheTailIsDetectedThroughTheRowThatSawIt() throws Exception {
        trail.write();
        trail.seal();
        long deleted = trail.write();
        trail.write();
        delete(deleted);
        AuditVerification v = trail.chain.verify();
        assertThat(v.firstBrokenSeq()).hasValue(deleted);

        // the sealer does not record a deleted row as a rollback either
        trail.seal();
        assertThat(gapRows()).isZero();
        assertThat(trail.chain.verify().firstBrokenSeq()).hasValue(deleted);
    }

    @Test
    void rowsWrittenBeforeRowHashesExistedAreHashedOnceWhenSealed() throws Exception {
        long old = trail.write();
        trail.sql().update(AUDIT).set(AUDIT.ROW_HASH, (String) null).set(AUDIT.WITNESS_SEQ, (Long) null)
                .where(AUDIT.SEQ.eq(old)).execute();
        trail.sql().execute("UPDATE audit_seal SET legacy_through = ?", old);
        trail.write();
        trail.seal();
        AuditVerification v = trail.chain.verify();
        assertThat(v.intact()).as(v.problem().toString()).isTrue();
        assertThat(v.sealedRows()).isEqualTo(2);
    }

    private boolean linked(long seq) {
        return trail.sql().fetchValue(AUDIT.CHAIN_POS, AUDIT.SEQ.eq(seq)) != null;
    }

    private int gapRows() {
        return trail.sql().fetchCount(AUDIT, AUDIT.ACTION.eq("audit.gap"));
    }

    private void delete(long seq) {
        trail.sql().deleteFrom(AUDIT).where(AUDIT.SEQ.eq(seq)).execute();
    }

    private void copyRow(long from, long to) {
        trail.sql().execute("INSERT INTO audit (seq, at, actor, action, target_type, target_id, correlation_id, before_state,"
                + " after_state, row_hash, witness_seq, witness_hash) SELECT ?, at, actor, action, target_type, target_id,"
                + " correlation_id, before_state, after_state, row_hash, witness_seq, witness_hash FROM audit WHERE seq = ?", to, from);
    }
}
