package dev.rollcall.scim.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /Bulk over HTTP with Groups: members given as bulkIds, nesting, circular groups, PATCH and DELETE. */
class BulkGroupsHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .build();
    @Token("okta") static String idp;

    static String bulk(String... operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                + String.join(",", operations) + "]}";
    }

    static String postUser(String bulkId, String userName) {
        return """
                {"method":"POST","path":"/Users","bulkId":"%s","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s"}}""".formatted(bulkId, userName);
    }

    static String postGroup(String bulkId, String displayName, String... members) {
        List<String> m = new ArrayList<>();
        for (String member : members) {
            m.add("{\"value\":\"" + member + "\"}");
        }
        return """
                {"method":"POST","path":"/Groups","bulkId":"%s","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName":"%s","members":[%s]}}""".formatted(bulkId, displayName, String.join(",", m));
    }

    JsonNode ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody().get("Operations");
    }

    static String idOf(JsonNode op) {
        String location = op.get("location").asText();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    List<String> memberIds(String groupId) {
        JsonNode group = server.get("/scim/v2/Groups/" + groupId, idp).jsonBody();
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.get("value").asText()));
        return ids;
    }

    boolean groupExists(String displayName) {
        String filter = URLEncoder.encode("displayName eq \"" + displayName + "\"", StandardCharsets.UTF_8);
        return server.get("/scim/v2/Groups?filter=" + filter, idp).jsonBody().get("totalResults").asInt() > 0;
    }

    @Test
    void createsUsersAndAGroupOfThemInOneRequestEvenWhenTheGroupComesFirst() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", idp, bulk(
                postGroup("team", "Team", "bulkId:ann", "bulkId:bob"),
                postUser("ann", "ann@corp.com"),
                postUser("bob", "bob@corp.com"))));
        assertThat(ops).hasSize(3);
        assertThat(ops.get(0).get("status").asText()).as(ops.toString()).isEqualTo("201");
        assertThat(ops.get(0).get("location").asText()).contains("/scim/v2/Groups/");
        assertThat(ops.get(0).get("version").asText()).isEqualTo("W/\"1\"");
        String team = idOf(ops.get(0));
        assertThat(memberIds(team)).containsExactlyInAnyOrder(idOf(ops.get(1)), idOf(ops.get(2)));
        JsonNode ann = server.get("/scim/v2/Users/" + idOf(ops.get(1)), idp).jsonBody();
        assertThat(ann.at("/groups/0/value").asText()).isEqualTo(team);
    }

    @Test
    void nestsAGroupCreatedInTheSameRequest() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", idp, bulk(
                postGroup("outer", "Outer", "bulkId:inner"),
                postGroup("inner", "Inner", "bulkId:cy"),
                postUser("cy", "cy@corp.com"))));
        assertThat(ops.get(0).get("status").asText()).as(ops.toString()).isEqualTo("201");
        assertThat(memberIds(idOf(ops.get(0)))).containsExactly(idOf(ops.get(1)));
        assertThat(memberIds(idOf(ops.get(1)))).containsExactly(idOf(ops.get(2)));
    }

    @Test
    void groupsThatWouldContainEachOtherFailWith409AndNeitherIsWritten() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", idp, bulk(
                postGroup("ga", "Circle A", "bulkId:gb"),
                postGroup("gb", "Circle B", "bulkId:ga"),
                postGroup("gc", "Needs A", "bulkId:ga"),
                postUser("dee", "dee@corp.com"))));
        assertThat(ops).hasSize(4);
        assertThat(ops.get(0).get("status").asText()).as(ops.toString()).isEqualTo("409");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("409");
        assertThat(ops.get(0).at("/response/detail").asText()).contains("'ga'", "'gb'");
        assertThat(ops.get(2).get("status").asText()).isEqualTo("409");
        assertThat(ops.get(3).get("status").asText()).isEqualTo("201");
        assertThat(groupExists("Circle A")).isFalse();
        assertThat(groupExists("Circle B")).isFalse();
        assertThat(groupExists("Needs A")).isFalse();
    }

    @Test
    void patchesMembersWithBulkIdsAndDeletesGroups() {
        String existing = server.post("/scim/v2/Groups", idp,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Existing\"}").jsonBody().get("id").asText();
        JsonNode ops = ok(server.post("/scim/v2/Bulk", idp, bulk(
                """
                {"method":"PATCH","path":"/Groups/%s","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"bulkId:eve"}]}]}}""".formatted(existing),
                postUser("eve", "eve@corp.com"),
                postGroup("gone", "Short lived"),
                "{\"method\":\"DELETE\",\"path\":\"/Groups/bulkId:gone\"}")));
        assertThat(ops.get(0).get("status").asText()).as(ops.toString()).isEqualTo("200");
        assertThat(ops.get(0).get("version").asText()).isEqualTo("W/\"2\"");
        assertThat(memberIds(existing)).containsExactly(idOf(ops.get(1)));
        assertThat(ops.get(3).get("status").asText()).isEqualTo("204");
        assertThat(groupExists("Short lived")).isFalse();
    }

    @Test
    void aMemberThatIsNotThereFailsOnlyThatGroup() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", idp, bulk(
                postGroup("bad", "Bad members", "no-such-user"),
                postGroup("fine", "Fine group"))));
        assertThat(ops.get(0).get("status").asText()).isEqualTo("400");
        assertThat(ops.get(0).at("/response/scimType").asText()).isEqualTo("invalidValue");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("201");
        assertThat(groupExists("Bad members")).isFalse();
    }
}
