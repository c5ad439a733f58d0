package dev.rollcall.scim.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's computed {@code groups} reflects nested groups, and follows group changes. */
class GroupsNestingTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .build();
    static final GroupFixture fx = new GroupFixture(server);
    @Token("okta") static String idp;

    /** The user's groups as id → type ("direct" or "indirect"). */
    static Map<String, String> groupsOf(String userId) {
        HttpResult r = server.get("/scim/v2/Users/" + userId, idp);
        assertThat(r.status()).isEqualTo(200);
        Map<String, String> out = new HashMap<>();
        for (JsonNode g : r.jsonBody().path("groups")) {
            out.put(g.get("value").asText(), g.get("type").asText());
        }
        return out;
    }

    @Test
    void userSeesDirectAndIndirectGroups() {
        String user = fx.user(idp, "nested@corp.com");
        String a = fx.group(idp, "A", user);
        String b = fx.group(idp, "B", a);
        assertThat(groupsOf(user)).containsOnly(Map.entry(a, "direct"), Map.entry(b, "indirect"));
        JsonNode userBody = server.get("/scim/v2/Users/" + user, idp).jsonBody();
        for (JsonNode g : userBody.get("groups")) {
            String id = g.get("value").asText();
            assertThat(g.get("$ref").asText()).isEqualTo(server.baseUrl() + "/scim/v2/Groups/" + id);
            assertThat(g.get("display").asText()).isEqualTo(id.equals(a) ? "A" : "B");
        }
    }

    @Test
    void groupChangesShowInTheUsersGroups() {
        String user = fx.user(idp, "moving@corp.com");
        String a = fx.group(idp, "Team", user);
        String b = fx.group(idp, "Division", a);
        assertThat(fx.patch(idp, b, "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}]").status())
                .isEqualTo(200);
        assertThat(groupsOf(user)).containsOnly(Map.entry(a, "direct"));
        assertThat(server.delete("/scim/v2/Groups/" + a, idp).status()).isEqualTo(204);
        assertThat(groupsOf(user)).isEmpty();
    }

    @Test
    void aListPageShowsEachUsersGroupsAndNoneForAUserInNoGroup() {
        String member = fx.user(idp, "listed.member@corp.com");
        String loner = fx.user(idp, "listed.loner@corp.com");
        String a = fx.group(idp, "Listed", member);
        String b = fx.group(idp, "Listed parent", a);
        HttpResult page = server.get("/scim/v2/Users?filter=userName%20sw%20%22listed.%22&sortBy=userName", idp);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Map<String, Map<String, String>> groupsById = new HashMap<>();
        for (JsonNode u : page.jsonBody().get("Resources")) {
            Map<String, String> groups = new HashMap<>();
            u.path("groups").forEach(g -> groups.put(g.get("value").asText(), g.get("type").asText()));
            groupsById.put(u.get("id").asText(), groups);
        }
        assertThat(groupsById).containsOnlyKeys(member, loner);
        assertThat(groupsById.get(member)).containsOnly(Map.entry(a, "direct"), Map.entry(b, "indirect"));
        assertThat(groupsById.get(loner)).isEmpty();
        assertThat(groupsOf(loner)).isEmpty();
    }

    @Test
    void userDirectlyAndIndirectlyInAGroupIsDirect() {
        String user = fx.user(idp, "both@corp.com");
        String a = fx.group(idp, "Inner", user);
        String b = fx.group(idp, "Outer", a, user);
        assertThat(groupsOf(user)).containsOnly(Map.entry(a, "direct"), Map.entry(b, "direct"));
    }

    @Test
    void groupsOnAUserAreReadOnly() {
        String user = fx.user(idp, "readonly@corp.com");
        String a = fx.group(idp, "Real");
        HttpResult r = server.patch("/scim/v2/Users/" + user, idp, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"groups","value":[{"value":"%s"}]}]}""".formatted(a));
        assertThat(r.status()).isEqualTo(400);
        assertThat(groupsOf(user)).isEmpty();
    }
}
