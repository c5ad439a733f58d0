package dev.rollcall.identity;

import static dev.rollcall.identity.Pushes.LIFECYCLE;
import static dev.rollcall.identity.Pushes.enterprise;
import static dev.rollcall.identity.Pushes.golden;
import static dev.rollcall.identity.Pushes.goldenValue;
import static dev.rollcall.identity.Pushes.personId;
import static dev.rollcall.identity.Pushes.worker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Employment attributes are the HRIS's alone: another source's value is kept on its account, never golden. */
class EmploymentAttributesTest {
    private static final List<String> EMPLOYMENT = List.of("employmentStatus", "hireDate", "terminationDate",
            "terminationReason", "workerId");

    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("okta", SourceKind.IDP)
            .source("salesforce", SourceKind.CRM)
            .build();
    static Pushes push;
    @Token("workday") static String hr;
    @Token("okta") static String idp;
    @Token("salesforce") static String crm;

    @BeforeAll
    static void fixtures() {
        push = new Pushes(server.server());
    }

    static ObjectNode employment(ObjectNode u, String status, String hireDate) {
        ObjectNode ext = u.has(LIFECYCLE) ? (ObjectNode) u.get(LIFECYCLE) : u.putObject(LIFECYCLE);
        ext.put("employmentStatus", status).put("hireDate", hireDate).put("terminationReason", "none");
        return u;
    }

    @Test
    void theDefaultMatrixGivesEmploymentAttributesToTheHrisAlone() {
        AuthorityMatrix defaults = AuthorityMatrix.defaults();
        for (String attr : EMPLOYMENT) {
            assertThat(defaults.kindsFor(attr)).as(attr).containsExactly(SourceKind.HRIS);
        }
        assertThat(defaults.kindsFor("department")).containsExactly(SourceKind.HRIS, SourceKind.IDP, SourceKind.CRM);
    }

    @Test
    void employmentAttributesOfAnIdpAreKeptOnItsAccountNeverGoldenEvenWhereTheHrisHasNone() {
        JsonNode employee = push.create(hr, worker(push.user("ida.hr", "Ida", "Pe", "ida.pe@corp.com"), "W720"));
        ObjectNode idpUser = employment(enterprise(push.user("ida@corp.com", "Ida", "Pe", "ida.pe@corp.com"),
                "employeeNumber", "W720"), "terminated", "2019-05-01T00:00:00Z");
        ((ObjectNode) idpUser.get(LIFECYCLE)).put("terminationDate", "2020-01-01T00:00:00Z");
        JsonNode account = push.create(idp, idpUser);
        assertThat(personId(account)).as("an IdP asserts worker ids: linked by it").isEqualTo(personId(employee));

        PersonDetail p = push.person(personId(employee));
        for (String attr : new String[]{"employmentStatus", "hireDate", "terminationDate", "terminationReason"}) {
            assertThat(golden(p, attr)).as(attr).isNull();
        }
        assertThat(server.get("/scim/v2/Users/" + account.get("id").asText(), idp).jsonBody()
                .at("/" + LIFECYCLE + "/employmentStatus").asText()).isEqualTo("terminated");

        ObjectNode hrUser = employment(worker(push.user("ida.hr", "Ida", "Pe", "ida.pe@corp.com"), "W720"), "active",
                "2018-02-01T00:00:00Z");
        push.replace(hr, employee.get("id").asText(), hrUser);
        p = push.person(personId(employee));
        assertThat(golden(p, "employmentStatus")).isEqualTo("active");
        assertThat(goldenValue(p, "employmentStatus").provenance().accountId()).isEqualTo(employee.get("id").asText());
    }

    @Test
    void aCrmContactOnItsOwnPersonSetsNoEmploymentAttribute() {
        JsonNode contact = push.create(crm, employment(worker(push.user("solo.crm", "Sol", "O", "sol@customer.example"),
                "W-C1"), "active", "2021-01-01T00:00:00Z"));
        PersonDetail p = push.person(personId(contact));
        for (String attr : EMPLOYMENT) {
            assertThat(golden(p, attr)).as(attr).isNull();
        }
        assertThat(golden(p, "email")).as("other attributes are still the CRM's to set").isEqualTo("sol@customer.example");
    }
}
