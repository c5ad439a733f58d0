package dev.rollcall.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** externalId is the client's identifier and not unique (RFC 7643 §3.1); userName stays unique per source. */
class UsersExternalIdTest {
    private static final String LIFECYCLE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";

    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).build();
    @Token("workday") static String hr;

    static String user(String userName, String externalId, String workerId, String email) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"%s","externalId":"%s","name":{"givenName":"Jane","familyName":"Doe"},
                 "emails":[{"value":"%s","type":"work","primary":true}],
                 "%s":{"workerId":"%s"}}""".formatted(LIFECYCLE, userName, externalId, email, LIFECYCLE, workerId);
    }

    static List<String> withExternalId(String externalId) {
        JsonNode list = server.get("/scim/v2/Users?filter=externalId%20eq%20%22" + externalId + "%22", hr).jsonBody();
        assertThat(list.get("totalResults").asInt()).isEqualTo(list.get("Resources").size());
        return list.get("Resources").findValuesAsText("userName");
    }

    static long accounts() {
        return server.services().database().dsl().fetchCount(org.jooq.impl.DSL.table("account"));
    }

    @Test
    void theDuplicateHrisWorkerUnderOneExternalIdIsStoredTwiceAndResolvesToOnePerson() {
        HttpResult first = server.post("/scim/v2/Users", hr, user("jane.doe", "HR-77", "W77", "jane.doe@corp.com"));
        HttpResult second = server.post("/scim/v2/Users", hr, user("jdoe", "HR-77", "W77", "jdoe@corp.com"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.jsonBody().get("id").asText()).isNotEqualTo(first.jsonBody().get("id").asText());
        assertThat(second.jsonBody().at("/" + LIFECYCLE + "/personId").asText())
                .isEqualTo(first.jsonBody().at("/" + LIFECYCLE + "/personId").asText());
        assertThat(withExternalId("HR-77")).containsExactlyInAnyOrder("jane.doe", "jdoe");
    }

    @Test
    void aReplaceOrPatchMayGiveAUserAnExternalIdAnotherAlreadyHas() {
        server.post("/scim/v2/Users", hr, user("ext.a", "SHARED", "W81", "ext.a@corp.com"));
        String b = server.post("/scim/v2/Users", hr, user("ext.b", "OWN-B", "W82", "ext.b@corp.com")).jsonBody().get("id").asText();
        String c = server.post("/scim/v2/Users", hr, user("ext.c", "OWN-C", "W83", "ext.c@corp.com")).jsonBody().get("id").asText();

        assertThat(server.put("/scim/v2/Users/" + b, hr, user("ext.b", "SHARED", "W82", "ext.b@corp.com")).status()).isEqualTo(200);
        HttpResult patched = server.patch("/scim/v2/Users/" + c, hr, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"externalId","value":"SHARED"}]}""");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(withExternalId("SHARED")).containsExactlyInAnyOrder("ext.a", "ext.b", "ext.c");
    }

    @Test
    void aTakenUserNameIsStillA409ThatNamesUserNameAndChangesNothing() {
        server.post("/scim/v2/Users", hr, user("taken", "X-1", "W91", "taken@corp.com"));
        String other = server.post("/scim/v2/Users", hr, user("other", "X-2", "W92", "other@corp.com")).jsonBody().get("id").asText();
        long before = accounts();

        HttpResult dup = server.post("/scim/v2/Users", hr, user("TAKEN", "X-1", "W93", "t3@corp.com"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.jsonBody().get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(dup.jsonBody().get("detail").asText()).contains("userName 'TAKEN'").doesNotContain("externalId");
        HttpResult renamed = server.put("/scim/v2/Users/" + other, hr, user("taken", "X-1", "W92", "other@corp.com"));
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.jsonBody().get("detail").asText()).contains("userName 'taken'");

        assertThat(accounts()).isEqualTo(before);
        JsonNode unchanged = server.get("/scim/v2/Users/" + other, hr).jsonBody();
        assertThat(unchanged.get("userName").asText()).isEqualTo("other");
        assertThat(unchanged.get("externalId").asText()).isEqualTo("X-2");
    }

    @Test
    void anExternalIdFilterUsesAnIndexNotAScan() {
        var plan = server.services().database().dsl().fetch(
                "explain select pk from account where source_id = 1 and external_id = 'HR-77'");
        assertThat(plan.get(0).get("key", String.class)).isEqualTo("ix_account_external_id");
        var groups = server.services().database().dsl().fetch(
                "explain select pk from scim_group where source_id = 1 and external_id = 'g'");
        assertThat(groups.get(0).get("key", String.class)).isEqualTo("ix_group_external_id");
    }
}
