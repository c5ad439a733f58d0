package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.lifecycle.PolicyPreview;

/** The wire form of a policy preview. */
final class PolicyViews {
    private final ObjectMapper json;

    PolicyViews(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode result(PolicyPreview.Result r) {
        ObjectNode out = json.createObjectNode();
        SourceViews.time(out, "at", r.at());
        if (r.deadlines() != null) {
            ObjectNode grace = out.putObject("grace");
            ArrayNode moved = grace.putArray("deadlines");
            for (PolicyPreview.DeadlineChange d : r.deadlines()) {
                ObjectNode item = moved.addObject().put("personId", d.personId()).put("reason", d.reason());
                SourceViews.time(item, "current", d.current());
                SourceViews.time(item, "proposed", d.proposed());
                item.put("deprovisionedAtOnce", d.deprovisionedAtOnce());
            }
            grace.put("keptAsSetByIt", r.deadlinesKeptAsSetByIt());
            grace.put("truncated", r.deadlinesTruncated());
        }
        if (r.holds() != null) {
            ArrayNode sources = out.putObject("holds").putArray("sources");
            for (PolicyPreview.SourceHolds s : r.holds()) {
                sources.addObject().put("source", s.source()).put("terminationsInWindow", s.terminations())
                        .put("managerChangesInWindow", s.managerChanges()).put("activePersons", s.activePersons())
                        .put("openHold", s.openHold()).put("holdsNextNow", s.holdsNextNow())
                        .put("holdsNextProposed", s.holdsNextProposed());
            }
        }
        if (r.authority() != null) {
            PolicyPreview.AuthorityChange a = r.authority();
            ObjectNode auth = out.putObject("authority");
            auth.putObject("employmentAuthorityNow").put("active", a.activeNow().wireName())
                    .put("employmentStatus", a.statusNow().wireName());
            auth.putObject("employmentAuthorityProposed").put("active", a.activeProposed().wireName())
                    .put("employmentStatus", a.statusProposed().wireName());
            ArrayNode persons = auth.putArray("persons");
            for (PolicyPreview.EmploymentChange c : a.persons()) {
                persons.addObject().put("personId", c.personId())
                        .put("state", c.state() == null ? null : c.state().wireName())
                        .put("verdictNow", c.verdictNow()).put("verdictProposed", c.verdictProposed())
                        .put("wouldBecome", c.wouldBecome() == null ? null : c.wouldBecome().wireName());
            }
            auth.put("scanned", a.scanned());
            auth.put("truncated", a.truncated());
        }
        return out;
    }
}
