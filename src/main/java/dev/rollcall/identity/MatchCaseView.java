package dev.rollcall.identity;

import java.time.Instant;
import java.util.List;

/** A review case: the account, the person holding it meanwhile, its candidates with evidence, and the decision. */
public record MatchCaseView(String id, String accountId, long sourceId, String holdingPersonId, String status, int score,
                            List<MatchCandidateView> candidates, String decision, String decidedPersonId,
                            String decidedBy, Instant decidedAt, Instant createdAt) {

    public MatchCaseView {
        candidates = List.copyOf(candidates);
    }

    /** A candidate as stored with the case. */
    public record MatchCandidateView(String personId, int score, List<Evidence> evidence) {
        public MatchCandidateView {
            evidence = List.copyOf(evidence);
        }
    }
}
