package dev.rollcall.admin;

import static dev.rollcall.admin.AdminFixture.assertProblem;
import static dev.rollcall.admin.AdminFixture.personId;
import static dev.rollcall.admin.AdminFixture.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Match cases over HTTP. An HR employee and a CRM contact with the same name and an email alias
 * (lee.wong@ / lwong@) score between the thresholds, so the contact's account opens a case.
 */
class MatchCasesApiTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .adminToken("it-reader", AdminScope.READ)
            .adminToken("it-writer", AdminScope.WRITE)
            .source("workday", SourceKind.HRIS)
            .source("salesforce", SourceKind.CRM)
            .env("ROLLCALL_CORPORATE_DOMAINS", "corp.com")
            .build();
    @Token("it-reader") static String reader;
    @Token("it-writer") static String writer;
    @Token("workday") static String hr;
    @Token("salesforce") static String crm;

    /** An employee and an ambiguous CRM contact; returns [employee person id, contact account id, case id]. */
    static String[] ambiguous(String given, String family) {
        String local = given.toLowerCase() + "." + family.toLowerCase();
        JsonNode employee = push(server, hr, local + ".hr", given, family, local + "@corp.com", "W-" + local, null);
        String alias = given.toLowerCase().charAt(0) + family.toLowerCase();
        JsonNode contact = push(server, crm, local + ".crm", given, family, alias + "@corp.com", null, "CRM-" + local);
        String accountId = contact.get("id").asText();
        String caseId = null;
        for (JsonNode c : server.get("/api/v1/match-cases?status=open&limit=200", reader).jsonBody().get("items")) {
            if (c.get("accountId").asText().equals(accountId)) {
                caseId = c.get("id").asText();
            }
        }
        assertThat(caseId).as("a case for " + accountId).isNotNull();
        return new String[] {personId(employee), accountId, caseId};
    }

    @Test
    void caseShowsCandidatesWithScoresAndEvidence() {
        String[] s = ambiguous("Lee", "Wong");
        HttpResult r = server.get("/api/v1/match-cases/" + s[2], reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode c = r.jsonBody();
        assertThat(c.get("status").asText()).isEqualTo("open");
        assertThat(c.get("source").asText()).isEqualTo("salesforce");
        assertThat(c.get("accountId").asText()).isEqualTo(s[1]);
        assertThat(c.get("score").asInt()).isPositive();
        assertThat(c.at("/candidates/0/personId").asText()).isEqualTo(s[0]);
        assertThat(c.at("/candidates/0/evidence/0/rule").asText()).isNotBlank();
        assertThat(c.get("decision").isNull()).isTrue();
        assertThat(server.get("/api/v1/people/" + s[0], reader).jsonBody().get("openCases"))
                .extracting(JsonNode::asText).contains(s[2]);
    }

    @Test
    void linkDecisionJoinsTheAccountToThePersonAndCannotBeRepeated() {
        String[] s = ambiguous("Max", "Roy");
        HttpResult r = server.post("/api/v1/match-cases/" + s[2] + "/decision", writer,
                "{\"decision\":\"link\",\"personId\":\"" + s[0] + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("decided");
        assertThat(r.jsonBody().get("decision").asText()).isEqualTo("link");
        assertThat(r.jsonBody().get("decidedBy").asText()).isEqualTo("admin:it-writer");
        JsonNode person = server.get("/api/v1/people/" + s[0], reader).jsonBody();
        assertThat(person.get("accounts")).extracting(a -> a.get("id").asText()).contains(s[1]);
        assertThat(person.get("openCases")).isEmpty();

        assertProblem(server.post("/api/v1/match-cases/" + s[2] + "/decision", writer, "{\"decision\":\"ignore\"}"),
                409, "already decided");
    }

    @Test
    void newPersonAndIgnoreDecisions() {
        String[] a = ambiguous("Ivy", "Tan");
        HttpResult made = server.post("/api/v1/match-cases/" + a[2] + "/decision", writer, "{\"decision\":\"new-person\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        assertThat(made.jsonBody().get("decision").asText()).isEqualTo("new-person");

        String[] b = ambiguous("Oli", "Park");
        HttpResult ignored = server.post("/api/v1/match-cases/" + b[2] + "/decision", writer, "{\"decision\":\"ignore\"}");
        assertThat(ignored.status()).as(ignored.body()).isEqualTo(200);
        assertThat(ignored.jsonBody().get("decision").asText()).isEqualTo("ignore");
        assertThat(server.get("/api/v1/match-cases?status=decided&limit=200", reader).jsonBody().get("items"))
                .extracting(c -> c.get("id").asText()).contains(a[2], b[2]);
    }

    @Test
    void badDecisionsAre400AndChangeNothing() {
        String[] s = ambiguous("Uma", "Lind");
        String path = "/api/v1/match-cases/" + s[2] + "/decision";
        assertProblem(server.post(path, writer, "{\"decision\":\"maybe\"}"), 400, "'decision' must be link, new-person or ignore");
        assertProblem(server.post(path, writer, "{\"decision\":\"link\"}"), 400, "'personId' is required");
        assertProblem(server.post(path, writer, "{\"decision\":\"ignore\",\"personId\":\"" + s[0] + "\"}"), 400,
                "only allowed with decision 'link'");
        assertProblem(server.post(path, writer, "{}"), 400, "'decision' is required");
        assertProblem(server.post(path, writer, "not json"), 400, "not valid JSON");
        assertProblem(server.post(path, writer, "{\"decision\":\"link\",\"personId\":\"nobody\"}"), 404, "nobody");
        assertThat(server.get("/api/v1/match-cases/" + s[2], reader).jsonBody().get("status").asText()).isEqualTo("open");
        assertProblem(server.post("/api/v1/match-cases/nope/decision", writer, "{\"decision\":\"ignore\"}"), 404, "nope");
        assertProblem(server.get("/api/v1/match-cases/nope", reader), 404, "nope");
    }

    @Test
    void listPagesByCursorAndValidatesItsParameters() {
        ambiguous("Pia", "Holm");
        ambiguous("Rex", "Vale");
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int total = 0;
        do {
            JsonNode page = server.get("/api/v1/match-cases?limit=1" + (cursor == null ? "" : "&cursor=" + cursor), reader).jsonBody();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
            page.get("items").forEach(c -> assertThat(seen.add(c.get("id").asText())).isTrue());
            total += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(total).isEqualTo(server.get("/api/v1/match-cases?limit=200", reader).jsonBody().get("items").size());
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertProblem(server.get("/api/v1/match-cases?status=closed", reader), 400, "'status' must be open or decided");
        assertProblem(server.get("/api/v1/match-cases?limit=201", reader), 400, "'limit'");
        assertProblem(server.get("/api/v1/match-cases?cursor=" + Cursors.encode("people", 1), reader), 400, "'cursor'");
    }

    @Test
    void decidingNeedsWriteScope() {
        String[] s = ambiguous("Zoe", "Quinn");
        assertProblem(server.post("/api/v1/match-cases/" + s[2] + "/decision", reader, "{\"decision\":\"ignore\"}"),
                403, "admin:write");
        assertProblem(server.get("/api/v1/match-cases", crm), 403, "admin token");
    }
}
