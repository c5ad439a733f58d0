package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Evidence;
import dev.rollcall.identity.MatchCaseView;
import dev.rollcall.identity.Source;
import java.util.Map;

/** The wire form of a match case: the account, its candidates with scores and evidence, the decision. */
final class MatchCaseViews {
    private final ObjectMapper json;

    MatchCaseViews(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode matchCase(MatchCaseView c, Map<Long, Source> sources) {
        ObjectNode node = json.createObjectNode();
        node.put("id", c.id());
        node.put("accountId", c.accountId());
        Source source = sources.get(c.sourceId());
        node.put("source", source == null ? null : source.name());
        node.put("holdingPersonId", c.holdingPersonId());
        node.put("status", c.status());
        node.put("score", c.score());
        ArrayNode candidates = node.putArray("candidates");
        for (MatchCaseView.MatchCandidateView candidate : c.candidates()) {
            ObjectNode item = candidates.addObject().put("personId", candidate.personId()).put("score", candidate.score());
            ArrayNode evidence = item.putArray("evidence");
            for (Evidence e : candidate.evidence()) {
                evidence.addObject().put("rule", e.rule()).put("points", e.points()).put("detail", e.detail());
            }
        }
        // the wire spells decisions as the request does (new-person), whatever the domain stores
        node.put("decision", c.decision() == null ? null : c.decision().replace('_', '-'));
        node.put("decidedPersonId", c.decidedPersonId());
        node.put("decidedBy", c.decidedBy());
        SourceViews.time(node, "decidedAt", c.decidedAt());
        SourceViews.time(node, "createdAt", c.createdAt());
        return node;
    }
}
