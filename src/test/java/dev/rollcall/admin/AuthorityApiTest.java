package dev.rollcall.admin;

import static dev.rollcall.admin.AdminFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthorityApiTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .adminToken("it-reader", AdminScope.READ)
            .adminToken("it-writer", AdminScope.WRITE)
            .build();
    @Token("it-reader") static String reader;
    @Token("it-writer") static String writer;

    @Test
    void defaultsPutHrFirstAndTheIdpFirstForLogins() {
        HttpResult r = server.get("/api/v1/authority", reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode rules = r.jsonBody().get("rules");
        assertThat(rules.get("*")).extracting(JsonNode::asText).containsExactly("hris", "idp", "crm");
        assertThat(rules.get("userName").get(0).asText()).isEqualTo("idp");
        assertThat(rules.get("crmAccountId")).extracting(JsonNode::asText).containsExactly("crm");
    }

    @Test
    void replaceTakesEffectAndIsAudited() {
        String body = """
                {"rules":{"*":["hris","idp","crm"],"userName":["idp","hris"],"title":["idp","hris"],
                          "crmAccountId":["crm"]}}""";
        HttpResult r = server.put("/api/v1/authority", writer, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.jsonBody().at("/rules/title")).extracting(JsonNode::asText).containsExactly("idp", "hris");
        assertThat(server.get("/api/v1/authority", reader).jsonBody().at("/rules/title/0").asText()).isEqualTo("idp");
        assertThat(server.services().database().dsl()
                .fetchCount(server.services().database().dsl().selectOne()
                        .from("audit").where("action = 'authority.replace' and actor = 'admin:it-writer'")))
                .isEqualTo(1);
    }

    @Test
    void invalidMatricesAre400AndChangeNothing() {
        JsonNode before = server.get("/api/v1/authority", reader).jsonBody();
        assertProblem(server.put("/api/v1/authority", writer, "{\"rules\":{\"title\":[\"hris\"]}}"), 400, "'*'");
        assertProblem(server.put("/api/v1/authority", writer, "{\"rules\":{\"*\":[\"hris\",\"hris\"]}}"), 400, "twice");
        assertProblem(server.put("/api/v1/authority", writer, "{\"rules\":{\"*\":[]}}"), 400, "at least one");
        assertProblem(server.put("/api/v1/authority", writer, "{\"rules\":{\"*\":[\"ldap\"]}}"), 400, "not a source kind");
        assertProblem(server.put("/api/v1/authority", writer, "{\"rules\":{\"*\":\"hris\"}}"), 400, "must be a list");
        assertProblem(server.put("/api/v1/authority", writer, "{\"rules\":{\"bad key!\":[\"hris\"],\"*\":[\"hris\"]}}"), 400,
                "not an attribute path");
        assertProblem(server.put("/api/v1/authority", writer, "{\"rules\":[]}"), 400, "'rules' must be an object");
        assertProblem(server.put("/api/v1/authority", writer, "{}"), 400, "'rules' must be an object");
        assertProblem(server.put("/api/v1/authority", writer, "{\"rules\":{}, \"extra\":1}"), 400, "unknown member");
        assertThat(server.get("/api/v1/authority", reader).jsonBody()).isEqualTo(before);
    }

    @Test
    void replacingNeedsWriteScopeAndAnAdminToken() {
        assertProblem(server.put("/api/v1/authority", reader, "{\"rules\":{\"*\":[\"hris\"]}}"), 403, "admin:write");
        String source = server.addSource("okta", SourceKind.IDP);
        assertProblem(server.get("/api/v1/authority", source), 403, "admin token");
    }
}
