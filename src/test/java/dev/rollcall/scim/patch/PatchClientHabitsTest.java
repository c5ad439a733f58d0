package dev.rollcall.scim.patch;

import static dev.rollcall.scim.resource.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.resource.TestJson;
import org.junit.jupiter.api.Test;

/**
 * Requests shaped the way Microsoft Entra ID and Okta send them (from their SCIM provisioning
 * documentation), which must work by default.
 */
class PatchClientHabitsTest extends PatchFixture {
    private final ObjectNode user = storedUser("{'userName':'ann@contoso.com','active':true,'displayName':'Ann',"
            + "'name':{'givenName':'Ann','familyName':'Lee'},'emails':[{'value':'ann@contoso.com','type':'work','primary':true}]}");
    private final ObjectNode group = storedGroup("{'displayName':'Sales','members':[{'value':'u1','type':'User'},"
            + "{'value':'u2'},{'value':'u3'}]}");

    @Test
    void entraDeactivatesWithCapitalisedOpAndStringBoolean() {
        ObjectNode out = patchUser(user, "[{'op':'Replace','path':'active','value':'False'}]");
        assertThat(out.get("active")).isEqualTo(json("false"));
    }

    @Test
    void entraAddsWithoutPathUsingUrnQualifiedAndDottedKeys() {
        ObjectNode out = patchUser(user, "[{'op':'Add','value':{'" + ENT + ":department':'Sales','name.givenName':'Anne'}}]");
        assertThat(out.get(ENT)).isEqualTo(json("{'department':'Sales'}"));
        assertThat(out.get("name")).isEqualTo(json("{'familyName':'Lee','givenName':'Anne'}"));
    }

    @Test
    void entraReplacesTheWorkEmailThroughAFilter() {
        ObjectNode out = patchUser(user, "[{'op':'Replace','path':'emails[type eq \"work\"].value','value':'ann.lee@contoso.com'}]");
        assertThat(out.get("emails")).isEqualTo(json("[{'value':'ann.lee@contoso.com','type':'work','primary':true}]"));
    }

    @Test
    void entraSetsTheManagerAsABareId() {
        ObjectNode out = patchUser(user, "[{'op':'Add','path':'" + ENT + ":manager','value':'m-77'}]");
        assertThat(out.get(ENT)).isEqualTo(json("{'manager':{'value':'m-77'}}"));
    }

    @Test
    void entraRemovesTheManager() {
        ObjectNode withManager = patchUser(user, "[{'op':'Add','path':'" + ENT + ":manager','value':'m-77'}]");
        assertThat(patchUser(withManager, "[{'op':'Remove','path':'" + ENT + ":manager'}]").has(ENT)).isFalse();
    }

    @Test
    void entraRemovesOnlyTheMembersItNames() {
        ObjectNode out = patchGroup(group, "[{'op':'Remove','path':'members','value':[{'value':'u1'},{'value':'u3'}]}]");
        assertThat(out.get("members")).isEqualTo(json("[{'value':'u2'}]"));
    }

    @Test
    void entraAddsMembers() {
        ObjectNode out = patchGroup(group, "[{'op':'Add','path':'members','value':[{'value':'u4'},{'value':'u1'}]}]");
        assertThat(out.get("members")).isEqualTo(json("[{'value':'u1','type':'User'},{'value':'u2'},{'value':'u3'},{'value':'u4'}]"));
    }

    @Test
    void entraRenamesAGroupWithoutPath() {
        assertThat(patchGroup(group, "[{'op':'Replace','value':{'displayName':'Sales EMEA'}}]").get("displayName").asText())
                .isEqualTo("Sales EMEA");
    }

    @Test
    void entraClearsTheWorkEmailValue() {
        // leaves {"type":"work","primary":true}: an email without a value, which is dropped
        assertThat(patchUser(user, "[{'op':'Remove','path':'emails[type eq \"work\"].value'}]").has("emails")).isFalse();
    }

    @Test
    void oktaDeactivatesWithoutPath() {
        ObjectNode request = TestJson.obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'Operations':[{'op':'replace','value':{'active':false}}]}");
        ObjectNode out = normalizer.normalize(registry.user(), engine.apply(registry.user(), user, request));
        assertThat(out.get("active")).isEqualTo(json("false"));
    }

    @Test
    void oktaRenamesAGroupSendingItsReadOnlyId() {
        ObjectNode out = patchGroup(group, "[{'op':'replace','value':{'id':'abf4dd94-a4c0-4f67-89c9-76b03340cb9b',"
                + "'displayName':'Test SCIMv2'}}]");
        assertThat(out.get("displayName").asText()).isEqualTo("Test SCIMv2");
        assertThat(out.has("id")).isFalse();
    }

    @Test
    void oktaAddsMembersWithReadOnlyDisplay() {
        ObjectNode out = patchGroup(group, "[{'op':'add','path':'members','value':[{'value':'u9','display':'dev@example.com'}]}]");
        assertThat(out.get("members").get(3)).isEqualTo(json("{'value':'u9'}"));
    }

    @Test
    void oktaRemovesAMemberByFilter() {
        ObjectNode out = patchGroup(group, "[{'op':'remove','path':'members[value eq \"u2\"]'}]");
        assertThat(out.get("members")).isEqualTo(json("[{'value':'u1','type':'User'},{'value':'u3'}]"));
    }

    @Test
    void oktaReplacesAllMembers() {
        ObjectNode out = patchGroup(group, "[{'op':'replace','path':'members','value':[{'value':'u7','display':'x'}]}]");
        assertThat(out.get("members")).isEqualTo(json("[{'value':'u7'}]"));
    }

    @Test
    void replacingMembersWithAnEmptyListEmptiesTheGroup() {
        assertThat(patchGroup(group, "[{'op':'replace','path':'members','value':[]}]").has("members")).isFalse();
    }

    @Test
    void acceptsMemberNamesOfTheMessageInAnyCase() {
        ObjectNode request = TestJson.obj("{'SCHEMAS':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                + "'operations':[{'OP':'ADD','Path':'title','VALUE':'Boss'}]}");
        assertThat(engine.apply(registry.user(), user, request).get("title").asText()).isEqualTo("Boss");
    }

    @Test
    void acceptsARequestWithoutSchemas() {
        ObjectNode request = TestJson.obj("{'Operations':[{'op':'replace','path':'title','value':'Boss'}]}");
        assertThat(engine.apply(registry.user(), user, request).get("title").asText()).isEqualTo("Boss");
    }

    @Test
    void treatsABlankPathAsNoPath() {
        assertThat(patchUser(user, "[{'op':'replace','path':'','value':{'title':'Boss'}}]").get("title").asText())
                .isEqualTo("Boss");
    }
}
