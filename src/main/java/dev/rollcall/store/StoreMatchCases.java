package dev.rollcall.store;

import dev.rollcall.identity.MatchCandidate;
import dev.rollcall.identity.MatchCaseView;
import dev.rollcall.identity.MatchCases;
import dev.rollcall.identity.MatchDecisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Match decisions and cases over one transaction. */
final class StoreMatchCases implements MatchCases {
    private final DSLContext tx;
    private final CaseRows rows;

    StoreMatchCases(DSLContext tx, CaseRows rows) {
        this.tx = tx;
        this.rows = rows;
    }

    @Override
    public void recordDecision(MatchDecisionRecord decision) {
        rows.recordDecision(tx, decision);
    }

    @Override
    public String open(String accountId, long sourceId, String holdingPersonId, int score,
                       List<MatchCandidate> candidates, Instant at) {
        return rows.open(tx, accountId, sourceId, holdingPersonId, score, candidates, at);
    }

    @Override
    public Optional<MatchCaseView> lock(String caseId) {
        return rows.lock(tx, caseId);
    }

    @Override
    public List<String> openHeldBy(String personId) {
        return rows.openHeldBy(tx, personId);
    }

    @Override
    public void close(String caseId, String decision, String personId, String actor, Instant at) {
        rows.close(tx, caseId, decision, personId, actor, at);
    }
}
