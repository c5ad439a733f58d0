package dev.rollcall.identity;

import java.time.Instant;
import java.util.List;

/** One resolution decision as recorded for the timeline: outcome, score, evidence and candidates. */
public record MatchDecisionRecord(String accountId, long sourceId, String personId, MatchOutcome outcome, int score,
                                  List<Evidence> evidence, List<MatchCandidate> candidates, String actor, String caseId,
                                  Instant at) {
    public MatchDecisionRecord {
        evidence = List.copyOf(evidence);
        candidates = List.copyOf(candidates);
    }
}
