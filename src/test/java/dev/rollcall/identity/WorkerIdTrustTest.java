package dev.rollcall.identity;

import static dev.rollcall.identity.Pushes.LIFECYCLE;
import static dev.rollcall.identity.Pushes.golden;
import static dev.rollcall.identity.Pushes.personId;
import static dev.rollcall.identity.Pushes.worker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Worker ids are strong keys only from sources allowed to assert them (HRIS and IdP by default);
 * from a CRM they are evidence.
 */
class WorkerIdTrustTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("okta", SourceKind.IDP)
            .source("salesforce", SourceKind.CRM)
            .adminToken("it", AdminScope.WRITE)
            .env("ROLLCALL_CORPORATE_DOMAINS", "corp.com")
            .build();
    static Pushes push;
    @Token("workday") static String hr;
    @Token("okta") static String idp;
    @Token("salesforce") static String crm;
    @Token("it") static String admin;

    @BeforeAll
    static void fixtures() {
        push = new Pushes(server.server());
    }

    static ObjectNode employment(ObjectNode u, String status, String hireDate) {
        ObjectNode ext = u.has(LIFECYCLE) ? (ObjectNode) u.get(LIFECYCLE) : u.putObject(LIFECYCLE);
        ext.put("employmentStatus", status).put("hireDate", hireDate).put("terminationReason", "none");
        return u;
    }

    static String workerOwner(String workerId) {
        return server.services().database().dsl().resultQuery(
                "select p.id from worker_link w join person p on p.pk = w.person_pk where w.worker_id = ?", workerId)
                .fetchOne(0, String.class);
    }

    @Test
    void aCrmContactCarryingAnEmployeesWorkerIdIsNotLinkedByItAndSetsNoEmploymentAttribute() {
        JsonNode employee = push.create(hr, worker(push.user("emp.hr", "Erin", "Ploy", "erin.ploy@corp.com"), "W700"));
        JsonNode contact = push.create(crm, employment(worker(push.user("mallory", "Mal", "Lory", "mal@evil.example"),
                "W700"), "active", "2020-01-01T00:00:00Z"));

        assertThat(personId(contact)).isNotEqualTo(personId(employee));
        JsonNode resolution = push.lastEvent(personId(contact), "account.created").get("resolution");
        // the claimed worker id is evidence only: enough for a human to look, never a link
        assertThat(resolution.get("outcome").asText()).isEqualTo("case");
        assertThat(resolution.get("evidence").toString()).contains("worker.id.claimed");
        PersonDetail p = push.person(personId(employee));
        assertThat(p.accounts()).hasSize(1);
        assertThat(golden(p, "employmentStatus")).isNull();
        assertThat(golden(p, "hireDate")).isNull();
        assertThat(workerOwner("W700")).isEqualTo(personId(employee));
        // the value stays on the CRM's own account
        assertThat(server.get("/scim/v2/Users/" + contact.get("id").asText(), crm).jsonBody()
                .at("/" + LIFECYCLE + "/employmentStatus").asText()).isEqualTo("active");
    }

    @Test
    void aWorkerIdACrmPushesFirstClaimsNothingSoTheHrisRecordIsNotCaptured() {
        JsonNode contact = push.create(crm, worker(push.user("early.crm", "Cal", "Early", "cal@customer.example"), "W710"));
        assertThat(workerOwner("W710")).isNull();
        JsonNode employee = push.create(hr, worker(push.user("late.hr", "Dana", "Late", "dana.late@corp.com"), "W710"));

        assertThat(personId(employee)).isNotEqualTo(personId(contact));
        assertThat(workerOwner("W710")).isEqualTo(personId(employee));
        assertThat(push.person(personId(contact)).accounts()).hasSize(1);
    }

    @Test
    void aClaimedWorkerIdAddsToOtherEvidenceAndCanLinkWithIt() {
        JsonNode employee = push.create(hr, worker(push.user("link.hr", "Lin", "Kay", "lin.kay@corp.com"), "W715"));
        // the same email alone is 60 + 10 (corporate): a case; with the claimed worker id it links
        JsonNode contact = push.create(crm, worker(push.user("lk", "L.", "K.", "lin.kay@corp.com"), "W715"));

        assertThat(personId(contact)).isEqualTo(personId(employee));
        JsonNode resolution = push.lastEvent(personId(employee), "account.created").get("resolution");
        assertThat(resolution.get("strength").asText()).isEqualTo("definite");
        assertThat(resolution.get("evidence").toString()).contains("worker.id.claimed").contains("email.exact");
        assertThat(golden(push.person(personId(employee)), "workerId")).isEqualTo("W715");
    }

    @Test
    void aCrmAllowedToAssertWorkerIdsLinksByThemAndStopsWhenTheAllowanceIsWithdrawn() {
        String partner = server.addSource("partner-crm", SourceKind.CRM);
        JsonNode employee = push.create(hr, worker(push.user("pat.hr", "Pat", "Ner", "pat.ner@corp.com"), "W730"));
        assertThat(server.patch("/api/v1/sources/partner-crm", admin, "{\"assertsWorkerIds\":true}").status()).isEqualTo(200);
        JsonNode trusted = push.create(partner, worker(push.user("pn", "P", "N", "pn@partner.example"), "W730"));
        assertThat(personId(trusted)).isEqualTo(personId(employee));
        assertThat(push.lastEvent(personId(employee), "account.created").at("/resolution/evidence/0/rule").asText())
                .isEqualTo("worker.id");

        JsonNode other = push.create(hr, worker(push.user("oth.hr", "Oth", "Er", "oth.er@corp.com"), "W731"));
        assertThat(server.patch("/api/v1/sources/partner-crm", admin, "{\"assertsWorkerIds\":false}").status()).isEqualTo(200);
        JsonNode untrusted = push.create(partner, worker(push.user("oe", "O", "E", "oe@partner.example"), "W731"));
        assertThat(personId(untrusted)).isNotEqualTo(personId(other));
    }
}
