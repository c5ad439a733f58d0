package dev.rollcall.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link MatchCases} over the fake's tables (test code; see {@link InMemoryIdentityStore}). */
final class InMemoryMatchCases implements MatchCases {
    private final InMemoryIdentityStore store;

    InMemoryMatchCases(InMemoryIdentityStore store) {
        this.store = store;
    }

    @Override
    public void recordDecision(MatchDecisionRecord decision) {
        store.tables().decisions.add(decision);
    }

    /** Keeps the candidates as the store does: person id, score and evidence of each. */
    @Override
    public String open(String accountId, long sourceId, String holdingPersonId, int score,
                       List<MatchCandidate> candidates, Instant at) {
        String id = store.nextCaseId();
        List<MatchCaseView.MatchCandidateView> views = candidates.stream()
                .map(c -> new MatchCaseView.MatchCandidateView(c.person().id(), c.score(), c.evidence())).toList();
        store.tables().cases.put(id, new MatchCaseView(id, accountId, sourceId, holdingPersonId, "open", score, views,
                null, null, null, null, at));
        return id;
    }

    @Override
    public Optional<MatchCaseView> lock(String caseId) {
        return Optional.ofNullable(store.tables().cases.get(caseId));
    }

    @Override
    public List<String> openHeldBy(String personId) {
        return store.tables().cases.values().stream()
                .filter(c -> c.status().equals("open") && c.holdingPersonId().equals(personId))
                .map(MatchCaseView::id).toList();
    }

    @Override
    public void close(String caseId, String decision, String personId, String actor, Instant at) {
        MatchCaseView c = store.tables().cases.get(caseId);
        if (c == null) {
            return; // an UPDATE of no row
        }
        store.tables().cases.put(caseId, new MatchCaseView(c.id(), c.accountId(), c.sourceId(), c.holdingPersonId(),
                "decided", c.score(), c.candidates(), decision, personId, actor, at, c.createdAt()));
    }
}
