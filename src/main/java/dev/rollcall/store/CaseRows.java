package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.MATCH_CASE;
import static dev.rollcall.store.generated.Tables.MATCH_CASE_CANDIDATE;
import static dev.rollcall.store.generated.Tables.MATCH_DECISION;
import static org.jooq.impl.DSL.param;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Evidence;
import dev.rollcall.identity.MatchCandidate;
import dev.rollcall.identity.MatchCaseView;
import dev.rollcall.identity.MatchDecisionRecord;
import dev.rollcall.store.generated.enums.MatchCaseStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;

/** Match decisions (the record of every resolution) and match cases (the ones a human decides). */
final class CaseRows {
    private final ObjectMapper json;
    /** The decision every resolution records, rendered once: account, source, person, outcome, score, evidence, actor, case, at. */
    private final FixedBatch decision = new FixedBatch(db -> db.insertInto(MATCH_DECISION, MATCH_DECISION.ACCOUNT_ID,
                    MATCH_DECISION.SOURCE_ID, MATCH_DECISION.PERSON_ID, MATCH_DECISION.OUTCOME, MATCH_DECISION.SCORE,
                    MATCH_DECISION.EVIDENCE, MATCH_DECISION.ACTOR, MATCH_DECISION.CASE_ID, MATCH_DECISION.CREATED_AT)
            .values(param("accountId", MATCH_DECISION.ACCOUNT_ID), param("sourceId", MATCH_DECISION.SOURCE_ID),
                    param("personId", MATCH_DECISION.PERSON_ID), param("outcome", MATCH_DECISION.OUTCOME),
                    param("score", MATCH_DECISION.SCORE), param("evidence", MATCH_DECISION.EVIDENCE),
                    param("actor", MATCH_DECISION.ACTOR), param("caseId", MATCH_DECISION.CASE_ID),
                    param("at", MATCH_DECISION.CREATED_AT)), 9);

    CaseRows(ObjectMapper json) {
        this.json = json;
    }

    void recordDecision(DSLContext tx, MatchDecisionRecord d) {
        ObjectNode evidence = json.createObjectNode();
        evidence.set("rules", evidenceJson(d.evidence()));
        evidence.set("candidates", candidatesJson(d.candidates()));
        decision.executeOne(tx, d.accountId(), d.sourceId(), d.personId(), d.outcome().wireName(), d.score(),
                evidence.toString(), d.actor(), d.caseId(), Clock.toDb(d.at()));
    }

    String open(DSLContext tx, String accountId, long sourceId, String holder, int score, List<MatchCandidate> candidates,
                Instant at) {
        String id = UUID.randomUUID().toString();
        long pk = tx.insertInto(MATCH_CASE)
                .set(MATCH_CASE.ID, id)
                .set(MATCH_CASE.ACCOUNT_ID, accountId)
                .set(MATCH_CASE.SOURCE_ID, sourceId)
                .set(MATCH_CASE.HOLDING_PERSON_ID, holder)
                .set(MATCH_CASE.STATUS, MatchCaseStatus.open)
                .set(MATCH_CASE.SCORE, score)
                .set(MATCH_CASE.CANDIDATES, JSON.valueOf(candidatesJson(candidates).toString()))
                .set(MATCH_CASE.CREATED_AT, Clock.toDb(at))
                .returningResult(MATCH_CASE.PK).fetchOne().value1();
        var insert = tx.insertInto(MATCH_CASE_CANDIDATE, MATCH_CASE_CANDIDATE.CASE_PK, MATCH_CASE_CANDIDATE.PERSON_ID,
                MATCH_CASE_CANDIDATE.SCORE);
        for (MatchCandidate c : candidates) {
            insert = insert.values(pk, c.person().id(), c.score());
        }
        if (!candidates.isEmpty()) {
            insert.execute();
        }
        return id;
    }

    Optional<MatchCaseView> lock(DSLContext tx, String id) {
        return tx.selectFrom(MATCH_CASE).where(MATCH_CASE.ID.eq(id)).forUpdate().fetchOptional().map(this::toView);
    }

    List<String> openHeldBy(DSLContext tx, String personId) {
        return tx.select(MATCH_CASE.ID).from(MATCH_CASE)
                .where(MATCH_CASE.HOLDING_PERSON_ID.eq(personId)).and(MATCH_CASE.STATUS.eq(MatchCaseStatus.open))
                .fetch(MATCH_CASE.ID);
    }

    void close(DSLContext tx, String id, String decision, String personId, String actor, Instant at) {
        tx.update(MATCH_CASE)
                .set(MATCH_CASE.STATUS, MatchCaseStatus.decided)
                .set(MATCH_CASE.DECISION, decision)
                .set(MATCH_CASE.DECIDED_PERSON_ID, personId)
                .set(MATCH_CASE.DECIDED_BY, actor)
                .set(MATCH_CASE.DECIDED_AT, Clock.toDb(at))
                .where(MATCH_CASE.ID.eq(id))
                .execute();
    }

    MatchCaseView toView(Record r) {
        List<MatchCaseView.MatchCandidateView> candidates = new ArrayList<>();
        for (JsonNode c : read(r.get(MATCH_CASE.CANDIDATES).data())) {
            List<Evidence> ev = new ArrayList<>();
            for (JsonNode e : c.path("evidence")) {
                ev.add(new Evidence(e.path("rule").asText(), e.path("points").asInt(), e.path("detail").asText(null)));
            }
            candidates.add(new MatchCaseView.MatchCandidateView(c.path("personId").asText(), c.path("score").asInt(), ev));
        }
        return new MatchCaseView(r.get(MATCH_CASE.ID), r.get(MATCH_CASE.ACCOUNT_ID), r.get(MATCH_CASE.SOURCE_ID),
                r.get(MATCH_CASE.HOLDING_PERSON_ID), r.get(MATCH_CASE.STATUS).getLiteral(), r.get(MATCH_CASE.SCORE),
                candidates, r.get(MATCH_CASE.DECISION), r.get(MATCH_CASE.DECIDED_PERSON_ID), r.get(MATCH_CASE.DECIDED_BY),
                Clock.fromDb(r.get(MATCH_CASE.DECIDED_AT)), Clock.fromDb(r.get(MATCH_CASE.CREATED_AT)));
    }

    private ArrayNode candidatesJson(List<MatchCandidate> candidates) {
        ArrayNode out = json.createArrayNode();
        for (MatchCandidate c : candidates) {
            ObjectNode n = out.addObject();
            n.put("personId", c.person().id());
            n.put("score", c.score());
            n.set("evidence", evidenceJson(c.evidence()));
        }
        return out;
    }

    private ArrayNode evidenceJson(List<Evidence> evidence) {
        ArrayNode out = json.createArrayNode();
        for (Evidence e : evidence) {
            out.addObject().put("rule", e.rule()).put("points", e.points()).put("detail", e.detail());
        }
        return out;
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored match case candidates are not valid JSON", e);
        }
    }
}
