package dev.rollcall.store;

import java.util.Optional;

/**
 * Outcome of {@code audit verify}: rows linked into the chain, rows committed but not yet linked,
 * seqs still held by open transactions, and the first problem found, if any.
 */
public record AuditVerification(long sealedRows, long unsealedRows, long pendingSeqs, Optional<Problem> problem) {

    /** Where the trail was found altered, and how. */
    public record Problem(long seq, String reason) {
    }

    public boolean intact() {
        return problem.isEmpty();
    }

    public Optional<Long> firstBrokenSeq() {
        return problem.map(Problem::seq);
    }
}
