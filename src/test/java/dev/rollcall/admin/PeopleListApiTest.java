package dev.rollcall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeopleListApiTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .adminToken("it-reader", AdminScope.READ)
            .source("workday", SourceKind.HRIS)
            .source("salesforce", SourceKind.CRM)
            .build();
    @Token("it-reader") static String reader;

    @BeforeAll
    static void seed() {
        String hr = server.token("workday");
        String crm = server.token("salesforce");
        push(hr, "jane.doe@corp.com", "Jane", "Doe", "Finance", "w-1");
        push(hr, "john.smith@corp.com", "John", "Smith", "Sales", "w-2");
        push(hr, "ann_lee@corp.com", "Ann", "Lee", "finance", "w-3");
        for (int i = 0; i < 7; i++) {
            push(hr, "bulk" + i + "@corp.com", "Bulk", "Worker" + i, "Ops", "w-b" + i);
        }
        push(crm, "carla@customer.example", "Carla", "Customer", null, "c-1");
    }

    static void push(String token, String userName, String given, String family, String department, String externalId) {
        String enterprise = department == null ? "" : """
                ,"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"%s"}""".formatted(department);
        String schemas = department == null ? "\"urn:ietf:params:scim:schemas:core:2.0:User\""
                : "\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"";
        HttpResult r = server.post("/scim/v2/Users", token, """
                {"schemas":[%s],"userName":"%s","externalId":"%s","active":true,
                 "name":{"givenName":"%s","familyName":"%s"},
                 "emails":[{"value":"%s","type":"work","primary":true}]%s}
                """.formatted(schemas, userName, externalId, given, family, userName, enterprise));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static JsonNode list(String query) {
        HttpResult r = server.get("/api/v1/people" + query, reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    /** The userName of each person's first account (a CRM may not set the golden userName). */
    static List<String> userNames(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(p -> out.add(p.at("/accounts/0/userName").asText()));
        return out;
    }

    @Test
    void listShowsGoldenNamesPersonasAndAccounts() {
        JsonNode jane = list("?q=jane.doe").get("items").get(0);
        assertThat(jane.get("displayName").asText()).isEqualTo("Jane Doe");
        assertThat(jane.get("email").asText()).isEqualTo("jane.doe@corp.com");
        assertThat(jane.get("userName").asText()).as("golden userName: HR may set it when no IdP does").isEqualTo("jane.doe@corp.com");
        assertThat(jane.get("state").asText()).isEqualTo("active");
        assertThat(jane.get("personas")).extracting(JsonNode::asText).containsExactly("employee");
        assertThat(jane.at("/accounts/0/source").asText()).isEqualTo("workday");
        assertThat(jane.get("id").asText()).hasSize(36);
    }

    @Test
    void cursorPagingVisitsEveryPersonOnceInKeyOrder() {
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list("?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(3);
            page.get("items").forEach(p -> {
                assertThat(seen.add(p.get("id").asText())).isTrue();
                order.add(p.at("/accounts/0/userName").asText());
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(11);
        assertThat(pages).isEqualTo(4);
        assertThat(order.get(0)).isEqualTo("jane.doe@corp.com");
        assertThat(order.get(10)).isEqualTo("carla@customer.example");
    }

    @Test
    void lastFullPageHasNoNextCursor() {
        assertThat(list("?limit=11").get("nextCursor").isNull()).isTrue();
        assertThat(list("?limit=10").get("nextCursor").isNull()).isFalse();
    }

    @Test
    void filtersBySourceAndPersona() {
        assertThat(userNames(list("?source=salesforce"))).containsExactly("carla@customer.example");
        assertThat(userNames(list("?persona=external"))).containsExactly("carla@customer.example");
        assertThat(userNames(list("?persona=employee&limit=500"))).hasSize(10).doesNotContain("carla@customer.example");
        assertThat(list("?persona=workforce").get("items")).isEmpty();
    }

    @Test
    void filtersByDepartmentIgnoringCase() {
        assertThat(userNames(list("?department=FINANCE"))).containsExactlyInAnyOrder("jane.doe@corp.com", "ann_lee@corp.com");
        assertThat(userNames(list("?department=Ops&state=active&limit=500"))).hasSize(7);
    }

    @Test
    void filtersByStateAndCombinesFilters() {
        assertThat(list("?state=active&limit=500").get("items")).hasSize(11);
        assertThat(list("?state=suspended").get("items")).isEmpty();
        assertThat(userNames(list("?state=active&source=workday&q=john"))).containsExactly("john.smith@corp.com");
    }

    @Test
    void textSearchesUserNameEmailAndNamesByPrefixIgnoringCase() {
        assertThat(userNames(list("?q=SMITH"))).containsExactly("john.smith@corp.com");
        assertThat(userNames(list("?q=Carla"))).containsExactly("carla@customer.example");
        assertThat(userNames(list("?q=ann_"))).as("underscore is literal").containsExactly("ann_lee@corp.com");
        assertThat(userNames(list("?q=a%25"))).as("percent is literal").isEmpty();
        assertThat(list("?q=bulk&limit=500").get("items")).hasSize(7);
    }

    @Test
    void textSearchPagesByCursorToo() {
        JsonNode first = list("?q=bulk&limit=4");
        assertThat(first.get("items")).hasSize(4);
        JsonNode second = list("?q=bulk&limit=4&cursor=" + first.get("nextCursor").asText());
        assertThat(second.get("items")).hasSize(3);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void badFiltersAre400ProblemDetails() {
        assertProblem(server.get("/api/v1/people?state=sleeping", reader), "'state' must be one of");
        assertProblem(server.get("/api/v1/people?persona=vendor", reader), "'persona' must be one of");
        assertProblem(server.get("/api/v1/people?source=nowhere", reader), "no source named 'nowhere'");
        assertProblem(server.get("/api/v1/people?limit=0", reader), "'limit' must be a whole number from 1 to 500");
        assertProblem(server.get("/api/v1/people?limit=501", reader), "'limit'");
        assertProblem(server.get("/api/v1/people?limit=ten", reader), "'limit'");
        assertProblem(server.get("/api/v1/people?cursor=garbage!", reader), "'cursor' is not a cursor");
        String foreign = Cursors.encode("match-cases", 3);
        assertProblem(server.get("/api/v1/people?cursor=" + foreign, reader), "'cursor' is not a cursor");
    }

    @Test
    void needsAnAdminToken() {
        assertThat(server.get("/api/v1/people", null).status()).isEqualTo(401);
        String source = server.addSource("okta", SourceKind.IDP);
        assertThat(server.get("/api/v1/people", source).status()).isEqualTo(403);
    }

    static void assertProblem(HttpResult r, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonBody().get("detail").asText()).contains(detail);
    }
}
