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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /people/{id} and its timeline; merge and unmerge over HTTP. */
class PersonDetailApiTest {
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

    static JsonNode person(String id) {
        HttpResult r = server.get("/api/v1/people/" + id, reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    @Test
    void detailShowsGoldenValuesWithProvenancePersonasAndAccounts() {
        JsonNode employee = push(server, hr, "dana.hr", "Dana", "Cruz", "dana.cruz@corp.com", "W1", null);
        JsonNode contact = push(server, crm, "dana.contact", "Dana", "Cruz", "dana.cruz@corp.com", null, "ACME-1");
        String id = personId(employee);
        assertThat(personId(contact)).isEqualTo(id);

        JsonNode p = person(id);
        assertThat(p.get("state").asText()).isEqualTo("active");
        assertThat(p.get("provisional").asBoolean()).isFalse();
        assertThat(p.at("/golden/name.givenName/value").asText()).isEqualTo("Dana");
        assertThat(p.at("/golden/name.givenName/source").asText()).isEqualTo("workday");
        assertThat(p.at("/golden/name.givenName/sourceKind").asText()).isEqualTo("hris");
        assertThat(p.at("/golden/name.givenName/accountId").asText()).isEqualTo(employee.get("id").asText());
        assertThat(p.at("/golden/name.givenName/at").asText()).isNotBlank();
        assertThat(p.at("/golden/crmAccountId/source").asText()).isEqualTo("salesforce");
        List<String> personas = new ArrayList<>();
        p.get("personas").forEach(x -> personas.add(x.get("persona").asText()));
        assertThat(personas).containsExactlyInAnyOrder("employee", "external");
        p.get("personas").forEach(x -> {
            if (x.get("persona").asText().equals("external")) {
                assertThat(x.get("crmAccountId").asText()).isEqualTo("ACME-1");
            }
        });
        assertThat(p.get("accounts")).hasSize(2);
        assertThat(p.at("/accounts/0/facts/workerId").asText()).isEqualTo("W1");
        assertThat(p.get("openCases")).isEmpty();
    }

    @Test
    void eachLinkedAccountShowsItsUserNameAndExternalIdAtTheSource() {
        HttpResult hrUser = server.post("/scim/v2/Users", hr, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"Finn.HR","externalId":"WD-4711",
                 "name":{"givenName":"Finn","familyName":"Lund"},"emails":[{"value":"finn.lund@corp.com","primary":true}],
                 "%s":{"workerId":"W4711"}}""".formatted(AdminFixture.LIFECYCLE, AdminFixture.LIFECYCLE));
        assertThat(hrUser.status()).as(hrUser.body()).isEqualTo(201);
        JsonNode contact = push(server, crm, "finn.contact", "Finn", "Lund", "finn.lund@corp.com", null, "ACME-9");
        String id = personId(hrUser.jsonBody());
        assertThat(personId(contact)).isEqualTo(id);

        JsonNode accounts = person(id).get("accounts");
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).get("id").asText()).isEqualTo(hrUser.jsonBody().get("id").asText());
        assertThat(accounts.get(0).get("userName").asText()).isEqualTo("Finn.HR");
        assertThat(accounts.get(0).get("externalId").asText()).isEqualTo("WD-4711");
        assertThat(accounts.get(1).get("userName").asText()).isEqualTo("finn.contact");
        assertThat(accounts.get(1).has("externalId")).as("sent none: null, not absent").isTrue();
        assertThat(accounts.get(1).get("externalId").isNull()).isTrue();
    }

    @Test
    void timelineListsPushesAndMatchDecisionsOldestFirst() {
        JsonNode u = push(server, hr, "tim.hr", "Tim", "Line", "tim.line@corp.com", "W2", null);
        HttpResult r = server.get("/api/v1/people/" + personId(u) + "/timeline", reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode entries = r.jsonBody().get("entries");
        List<String> types = new ArrayList<>();
        entries.forEach(e -> types.add(e.get("kind").asText() + ":" + e.get("type").asText()));
        assertThat(types).contains("event:person.created", "event:account.created");
        assertThat(types).anyMatch(t -> t.startsWith("match-decision:"));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).get("at").asText()).isGreaterThanOrEqualTo(entries.get(i - 1).get("at").asText());
        }
        entries.forEach(e -> assertThat(e.get("details").isObject()).isTrue());
    }

    @Test
    void mergeThenUnmergeOverHttp() {
        JsonNode a = push(server, hr, "ann.one", "Ann", "One", "ann.one@corp.com", "W3", null);
        JsonNode b = push(server, hr, "ann.two", "Bea", "Two", "bea.two@corp.com", "W4", null);
        String survivor = personId(a);
        String merged = personId(b);
        assertThat(merged).isNotEqualTo(survivor);

        HttpResult m = server.post("/api/v1/people/" + survivor + "/merge", writer, "{\"personId\":\"" + merged + "\"}");
        assertThat(m.status()).as(m.body()).isEqualTo(200);
        assertThat(m.jsonBody().get("id").asText()).isEqualTo(survivor);
        assertThat(m.jsonBody().get("accounts")).hasSize(2);
        assertThat(person(merged).get("mergedInto").asText()).isEqualTo(survivor);
        HttpResult listed = server.get("/api/v1/people?q=ann.two", reader);
        assertThat(listed.jsonBody().get("items")).extracting(x -> x.get("id").asText()).containsExactly(survivor);

        assertProblem(server.post("/api/v1/people/" + survivor + "/merge", writer, "{\"personId\":\"" + merged + "\"}"),
                409, "already merged");

        HttpResult u = server.post("/api/v1/people/" + survivor + "/unmerge", writer,
                "{\"accountId\":\"" + b.get("id").asText() + "\"}");
        assertThat(u.status()).as(u.body()).isEqualTo(200);
        String fresh = u.jsonBody().get("id").asText();
        assertThat(fresh).isNotEqualTo(survivor);
        assertThat(u.jsonBody().at("/accounts/0/id").asText()).isEqualTo(b.get("id").asText());
        assertThat(person(survivor).get("accounts")).hasSize(1);

        List<String> types = new ArrayList<>();
        server.get("/api/v1/people/" + survivor + "/timeline", reader).jsonBody().get("entries")
                .forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).contains("person.merged", "person.unmerged", "person.merge", "person.unmerge");
    }

    @Test
    void mergeAndUnmergeRefuseBadRequests() {
        String a = personId(push(server, hr, "cy.one", "Cy", "One", "cy.one@corp.com", "W5", null));
        String other = personId(push(server, hr, "cy.two", "Di", "Two", "di.two@corp.com", "W6", null));
        assertProblem(server.post("/api/v1/people/" + a + "/merge", writer, "{\"personId\":\"" + a + "\"}"), 400, "itself");
        assertProblem(server.post("/api/v1/people/" + a + "/merge", writer, "{\"personId\":\"nobody\"}"), 404, "nobody");
        assertProblem(server.post("/api/v1/people/nobody/merge", writer, "{\"personId\":\"" + a + "\"}"), 404, "nobody");
        assertProblem(server.post("/api/v1/people/" + a + "/merge", writer, "{}"), 400, "'personId' is required");
        assertProblem(server.post("/api/v1/people/" + a + "/merge", writer, "{\"personId\":"), 400, "not valid JSON");
        assertProblem(server.post("/api/v1/people/" + a + "/merge", writer, "{\"person\":\"x\"}"), 400, "unknown member");
        assertProblem(server.post("/api/v1/people/" + a + "/unmerge", writer, "{\"accountId\":\"nope\"}"), 404, "nope");
        String accountOfOther = person(other).at("/accounts/0/id").asText();
        assertProblem(server.post("/api/v1/people/" + a + "/unmerge", writer, "{\"accountId\":\"" + accountOfOther + "\"}"),
                409, "not linked");
        String own = person(a).at("/accounts/0/id").asText();
        assertProblem(server.post("/api/v1/people/" + a + "/unmerge", writer, "{\"accountId\":\"" + own + "\"}"),
                409, "only account");
        assertProblem(server.post("/api/v1/people/" + a + "/unmerge", writer, "{\"accountId\":7}"), 400, "must be a string");
        assertThat(person(a).get("accounts")).hasSize(1);
        assertThat(person(other).get("mergedInto").isNull()).isTrue();
    }

    @Test
    void unknownPersonIs404() {
        assertProblem(server.get("/api/v1/people/00000000-0000-0000-0000-000000000000", reader), 404, "not found");
        assertProblem(server.get("/api/v1/people/nobody/timeline", reader), 404, "not found");
    }

    @Test
    void readTokensCannotMergeAndSourceTokensCannotRead() {
        String a = personId(push(server, hr, "ed.one", "Ed", "One", "ed.one@corp.com", "W7", null));
        assertProblem(server.post("/api/v1/people/" + a + "/merge", reader, "{\"personId\":\"x\"}"), 403, "admin:write");
        assertProblem(server.post("/api/v1/people/" + a + "/unmerge", reader, "{\"accountId\":\"x\"}"), 403, "admin:write");
        assertProblem(server.get("/api/v1/people/" + a, hr), 403, "admin token");
        assertProblem(server.get("/api/v1/people/" + a + "/timeline", null), 401, "bearer");
    }
}
