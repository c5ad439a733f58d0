package dev.rollcall.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the linked rows, the linked gap records and the pending holes, taken in seq order,
 * cover every seq from 1 to the chain's high seq exactly once: a missing seq is a deleted row,
 * a seq covered twice an inserted one.
 */
final class AuditCoverage {
    private final List<AuditHoles.Hole> holes;
    private final Deque<AuditHoles.Hole> ahead;
    private final long highSeq;
    private long expected = 1;
    private AuditVerification.Problem problem;

    AuditCoverage(List<AuditHoles.Hole> holes, long highSeq) {
        this.holes = List.copyOf(holes);
        this.ahead = new ArrayDeque<>(holes);
        this.highSeq = highSeq;
    }

    /** True when the seq lies in a pending hole (a late commit there is not linked yet). */
    boolean inHole(long seq) {
        return holes.stream().anyMatch(h -> h.from() <= seq && seq <= h.through());
    }

    /** A linked row (or gap record) covering {@code from..through}, offered in seq order. */
    void covered(long from, long through) {
        holesBefore(from);
        expect(from);
        expected = Math.max(expected, through + 1);
    }

    Optional<AuditVerification.Problem> finish() {
        holesBefore(highSeq + 1);
        if (expected <= highSeq) {
            expect(highSeq + 1);
        } else if (expected > highSeq + 1) {
            report(highSeq + 1, "seqs beyond the chain head are marked linked");
        }
        return Optional.ofNullable(problem);
    }

    private void holesBefore(long seq) {
        while (!ahead.isEmpty() && ahead.peekFirst().from() < seq) {
            AuditHoles.Hole h = ahead.pollFirst();
            expect(h.from());
            expected = Math.max(expected, h.through() + 1);
        }
    }

    private void expect(long from) {
        if (from > expected) {
            report(expected, "seq " + range(expected, from - 1) + " missing: a committed row was deleted");
        } else if (from < expected) {
            report(from, "seq " + from + " accounted for twice: a row was inserted");
        }
    }

    private void report(long seq, String reason) {
        if (problem == null) {
            problem = new AuditVerification.Problem(seq, reason);
        }
    }

    private static String range(long from, long through) {
        return from == through ? Long.toString(from) : from + ".." + through;
    }
}
