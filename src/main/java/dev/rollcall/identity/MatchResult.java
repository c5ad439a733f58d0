package dev.rollcall.identity;

import java.util.List;

/**
 * What the matcher found for an account: a strong-key link, a definite or candidate score, or
 * nothing. {@code person} is set for WORKER_ID, CORRELATION and DEFINITE; candidates are best first.
 */
public record MatchResult(Strength strength, PersonRef person, int score, List<MatchCandidate> candidates,
                          List<Evidence> evidence) {

    public enum Strength {
        WORKER_ID, CORRELATION, DEFINITE, CANDIDATE, NONE;

        public boolean links() {
            return this == WORKER_ID || this == CORRELATION || this == DEFINITE;
        }
    }

    public MatchResult {
        candidates = List.copyOf(candidates);
        evidence = List.copyOf(evidence);
    }
}
