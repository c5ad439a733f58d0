package dev.rollcall.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Match decisions (the record of every resolution) and the cases a human decides. */
public interface MatchCases {

    void recordDecision(MatchDecisionRecord decision);

    /** Opens a case and returns its id. */
    String open(String accountId, long sourceId, String holdingPersonId, int score, List<MatchCandidate> candidates,
                Instant at);

    Optional<MatchCaseView> lock(String caseId);

    /** Open cases whose account waits on this (provisional) person. */
    List<String> openHeldBy(String personId);

    void close(String caseId, String decision, String personId, String actor, Instant at);
}
