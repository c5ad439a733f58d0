package dev.rollcall.scim.groups;

import static dev.rollcall.scim.groups.GroupFixture.memberIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PATCH on /Groups, including the habits of Entra ID and Okta. */
class GroupsPatchTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("entra", SourceKind.IDP)
            .build();
    static final GroupFixture fx = new GroupFixture(server);
    @Token("entra") static String idp;
    static int seq;

    static String user() {
        return fx.user(idp, "u" + (++seq) + "@corp.com");
    }

    @Test
    void entraRemoveMembersWithValueRemovesOnlyThose() {
        String a = user();
        String b = user();
        String c = user();
        String id = fx.group(idp, "Entra", a, b, c);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\"}]}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(memberIds(r.jsonBody())).containsExactly(a, c);
        assertThat(memberIds(fx.get(idp, id))).containsExactly(a, c);
    }

    @Test
    void removeByValueFilterPath() {
        String a = user();
        String b = user();
        String id = fx.group(idp, "Filtered", a, b);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + a + "\\\"]\"}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(memberIds(fx.get(idp, id))).containsExactly(b);
    }

    @Test
    void removingAnAbsentMemberIsNotAnError() {
        String a = user();
        String id = fx.group(idp, "Retried Removal", a);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"gone-already\"}]}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(memberIds(r.jsonBody())).containsExactly(a);
    }

    @Test
    void oktaReplaceMembersSetsExactlyThose() {
        String a = user();
        String b = user();
        String c = user();
        String id = fx.group(idp, "Okta", a, b);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":\"" + b
                + "\",\"display\":\"whatever\"},{\"value\":\"" + c + "\"}]}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(memberIds(fx.get(idp, id))).containsExactly(b, c);
    }

    @Test
    void replaceMembersWithEmptyListEmptiesTheGroup() {
        String id = fx.group(idp, "Emptied", user(), user());
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.jsonBody().has("members")).isFalse();
        assertThat(memberIds(fx.get(idp, id))).isEmpty();
    }

    @Test
    void addingAPresentMemberIsNotAnErrorAndChangesNothing() {
        String a = user();
        String id = fx.group(idp, "Idempotent", a);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + a + "\"}]}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(memberIds(r.jsonBody())).containsExactly(a);
        assertThat(r.header("ETag")).as("nothing changed: same version").hasValue("W/\"1\"");
        assertThat(fx.events(id)).hasSize(1); // group.created only
    }

    @Test
    void addMembersAppendsNewOnes() {
        String a = user();
        String b = user();
        String nested = fx.group(idp, "Nested Add");
        String id = fx.group(idp, "Adder", a);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + b
                + "\",\"$ref\":\"https://elsewhere.example/scim/v2/Users/" + b + "\"},{\"value\":\"" + nested + "\"}]}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode group = fx.get(idp, id);
        assertThat(memberIds(group)).containsExactly(a, b, nested);
        assertThat(group.at("/members/2/type").asText()).isEqualTo("Group");
        assertThat(group.at("/meta/version").asText()).isEqualTo("W/\"2\"");
    }

    @Test
    void removeWithAClientsRefStillMatches() {
        String a = user();
        String b = user();
        String id = fx.group(idp, "Ref Remove", a, b);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + a
                + "\",\"$ref\":\"http://other-host/scim/v2/Users/" + a + "\",\"type\":\"User\"}]}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(memberIds(r.jsonBody())).containsExactly(b);
    }

    @Test
    void replaceWithoutPathRenames() {
        String a = user();
        String id = fx.group(idp, "Old Name", a);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"New Name\"}}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode group = fx.get(idp, id);
        assertThat(group.get("displayName").asText()).isEqualTo("New Name");
        assertThat(group.get("id").asText()).isEqualTo(id);
        assertThat(memberIds(group)).containsExactly(a);
    }

    @Test
    void aGroupCannotContainItself() {
        String id = fx.group(idp, "Self");
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(memberIds(fx.get(idp, id))).isEmpty();
    }

    @Test
    void aGroupCannotContainItsAncestor() {
        String bottom = fx.group(idp, "Bottom");
        String middle = fx.group(idp, "Middle", bottom);
        String top = fx.group(idp, "Top", middle);
        HttpResult r = fx.patch(idp, bottom, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + top + "\"}]}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(r.jsonBody().get("detail").asText()).contains(top);
        HttpResult put = server.put("/scim/v2/Groups/" + bottom, idp, fx.groupBody("Bottom", null, top));
        assertThat(put.status()).isEqualTo(400);
        assertThat(memberIds(fx.get(idp, bottom))).isEmpty();
    }

    @Test
    void failedPatchChangesNothingEvenWhenEarlierOperationsWereValid() {
        String a = user();
        String b = user();
        String id = fx.group(idp, "Atomic", a);
        JsonNode before = fx.get(idp, id);
        HttpResult unknown = fx.patch(idp, id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"},"
                + "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + b + "\"},{\"value\":\"ghost\"}]}]");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.jsonBody().get("detail").asText()).contains("ghost");
        HttpResult badPath = fx.patch(idp, id, "[{\"op\":\"remove\",\"path\":\"members\"},"
                + "{\"op\":\"replace\",\"path\":\"nonsense\",\"value\":\"x\"}]");
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.jsonBody().get("scimType").asText()).isEqualTo("invalidPath");
        HttpResult removeName = fx.patch(idp, id, "[{\"op\":\"remove\",\"path\":\"displayName\"}]");
        assertThat(removeName.status()).isEqualTo(400);
        HttpResult malformed = fx.patch(idp, id, "[{\"path\":\"displayName\"}]");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.jsonBody().get("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(fx.get(idp, id)).isEqualTo(before);
        assertThat(fx.events(id)).hasSize(1);
    }

    @Test
    void changingAMembersTypeIsRefused() {
        String a = user();
        String id = fx.group(idp, "Typed Patch", a);
        HttpResult r = fx.patch(idp, id, "[{\"op\":\"replace\",\"path\":\"members[value eq \\\"" + a
                + "\\\"].type\",\"value\":\"Group\"}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(memberIds(fx.get(idp, id))).containsExactly(a);
    }

    @Test
    void patchWithStaleIfMatchIs412() {
        String id = fx.group(idp, "Stale Patch");
        HttpResult r = server.send(server.request("/scim/v2/Groups/" + id, idp).header("If-Match", "W/\"3\"")
                .header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}")));
        assertThat(r.status()).isEqualTo(412);
        assertThat(fx.get(idp, id).get("displayName").asText()).isEqualTo("Stale Patch");
    }
}
