package dev.rollcall.scim.groups;

import static dev.rollcall.scim.groups.GroupFixture.GROUPS;
import static dev.rollcall.scim.groups.GroupFixture.memberIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupsCrudTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .source("salesforce", SourceKind.CRM)
            .build();
    static final GroupFixture fx = new GroupFixture(server);
    @Token("okta") static String idp;
    @Token("salesforce") static String crm;

    @Test
    void createReturns201WithMetaEtagAndMembersWithRefDisplayAndType() {
        String jane = fx.user(idp, "jane@corp.com", "Jane Doe");
        String joe = fx.user(idp, "joe@corp.com");
        String nested = fx.group(idp, "Nested");
        HttpResult r = fx.createGroup(idp, "Engineering", jane, joe, nested);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/scim+json");
        JsonNode body = r.jsonBody();
        String id = body.get("id").asText();
        assertThat(r.header("Location")).hasValue(server.baseUrl() + GROUPS + "/" + id);
        assertThat(r.header("ETag")).hasValue("W/\"1\"");
        assertThat(body.at("/meta/resourceType").asText()).isEqualTo("Group");
        assertThat(body.at("/meta/location").asText()).isEqualTo(server.baseUrl() + GROUPS + "/" + id);
        assertThat(body.at("/meta/version").asText()).isEqualTo("W/\"1\"");
        assertThat(body.at("/meta/created").asText()).isNotBlank().isEqualTo(body.at("/meta/lastModified").asText());
        assertThat(body.get("displayName").asText()).isEqualTo("Engineering");
        assertThat(body.at("/members/0/value").asText()).isEqualTo(jane);
        assertThat(body.at("/members/0/$ref").asText()).isEqualTo(server.baseUrl() + "/scim/v2/Users/" + jane);
        assertThat(body.at("/members/0/display").asText()).isEqualTo("Jane Doe");
        assertThat(body.at("/members/0/type").asText()).isEqualTo("User");
        assertThat(body.at("/members/1/display").asText()).as("no displayName: the userName").isEqualTo("joe@corp.com");
        assertThat(body.at("/members/2/$ref").asText()).isEqualTo(server.baseUrl() + GROUPS + "/" + nested);
        assertThat(body.at("/members/2/display").asText()).isEqualTo("Nested");
        assertThat(body.at("/members/2/type").asText()).isEqualTo("Group");
        assertThat(fx.get(idp, id)).isEqualTo(body);
    }

    @Test
    void duplicateMembersInARequestAreStoredOnce() {
        String u = fx.user(idp, "dup.member@corp.com");
        String id = fx.group(idp, "Dups", u, u);
        assertThat(memberIds(fx.get(idp, id))).containsExactly(u);
    }

    @Test
    void missingOrBlankDisplayNameIs400InvalidValue() {
        for (ObjectNode body : new ObjectNode[] {fx.groupBody(null, "x-no-name"), fx.groupBody("  ", "x-blank")}) {
            HttpResult r = server.post(GROUPS, idp, body);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
            assertThat(r.jsonBody().get("status").asText()).isEqualTo("400");
        }
    }

    @Test
    void displayNameLongerThanTheColumnIs400NotA500() {
        HttpResult r = fx.createGroup(idp, "x".repeat(256));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
    }

    @Test
    void unknownMemberIs400NamingTheIdAndStoresNothing() {
        String u = fx.user(idp, "known@corp.com");
        HttpResult r = fx.createGroup(idp, "Has Unknown", u, "no-such-id");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(r.jsonBody().get("detail").asText()).contains("no-such-id");
        HttpResult list = server.get(GROUPS + "?filter=" + GroupFixture.query("displayName eq \"Has Unknown\""), idp);
        assertThat(list.jsonBody().get("totalResults").asInt()).isZero();
    }

    @Test
    void anotherSourcesUserCannotBeAMember() {
        String foreign = fx.user(crm, "foreign@corp.com");
        HttpResult r = fx.createGroup(idp, "Cross Source", foreign);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("detail").asText()).contains(foreign);
    }

    @Test
    void memberTypeThatContradictsTheIdIs400() {
        String u = fx.user(idp, "typed@corp.com");
        ObjectNode body = fx.groupBody("Typed", null);
        body.putArray("members").addObject().put("value", u).put("type", "Group");
        HttpResult r = server.post(GROUPS, idp, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        body.putArray("members").addObject().put("value", u).put("type", "Robot");
        assertThat(server.post(GROUPS, idp, body).status()).isEqualTo(400);
        body.putArray("members").addObject().put("value", u).put("type", "user");
        assertThat(server.post(GROUPS, idp, body).status()).as("type is case-insensitive").isEqualTo(201);
    }

    @Test
    void externalIdIsNotUniqueAndAFilterOnItListsEveryGroupSharingIt() {
        // RFC 7643 §3.1: the service provider does not enforce externalId's uniqueness
        String one = server.post(GROUPS, idp, fx.groupBody("One", "g-ext")).jsonBody().get("id").asText();
        HttpResult two = server.post(GROUPS, idp, fx.groupBody("Two", "g-ext"));
        assertThat(two.status()).as(two.body()).isEqualTo(201);
        String other = server.post(GROUPS, idp, fx.groupBody("Three", "g-other")).jsonBody().get("id").asText();
        assertThat(server.put(GROUPS + "/" + other, idp, fx.groupBody("Three", "g-ext")).status()).isEqualTo(200);
        assertThat(server.post(GROUPS, crm, fx.groupBody("Two", "g-ext")).status()).isEqualTo(201);

        HttpResult found = server.get(GROUPS + "?filter=externalId%20eq%20%22g-ext%22", idp);
        assertThat(found.jsonBody().get("totalResults").asInt()).isEqualTo(3);
        assertThat(found.jsonBody().get("Resources")).extracting(r -> r.get("id").asText())
                .containsExactlyInAnyOrder(one, two.jsonBody().get("id").asText(), other);
    }

    @Test
    void getHonoursIfNoneMatch() {
        String id = fx.group(idp, "Cached");
        HttpResult r = server.send(server.request(GROUPS + "/" + id, idp).header("If-None-Match", "W/\"1\"").GET());
        assertThat(r.status()).isEqualTo(304);
        HttpResult changed = server.send(server.request(GROUPS + "/" + id, idp).header("If-None-Match", "W/\"0\"").GET());
        assertThat(changed.status()).isEqualTo(200);
    }

    @Test
    void anotherSourcesGroupIsNotFoundForEveryMethod() {
        String id = fx.group(idp, "Private");
        assertThat(server.get(GROUPS + "/" + id, crm).status()).isEqualTo(404);
        assertThat(server.put(GROUPS + "/" + id, crm, fx.groupBody("Stolen", null)).status()).isEqualTo(404);
        assertThat(fx.patch(crm, id, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]").status()).isEqualTo(404);
        assertThat(server.delete(GROUPS + "/" + id, crm).status()).isEqualTo(404);
        assertThat(fx.get(idp, id).get("displayName").asText()).isEqualTo("Private");
    }

    @Test
    void putReplacesDisplayNameAndMembers() {
        String a = fx.user(idp, "put.a@corp.com");
        String b = fx.user(idp, "put.b@corp.com");
        String id = fx.group(idp, "Before", a);
        HttpResult r = server.put(GROUPS + "/" + id, idp, fx.groupBody("After", "put-ext", b));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.jsonBody().get("displayName").asText()).isEqualTo("After");
        assertThat(r.jsonBody().get("externalId").asText()).isEqualTo("put-ext");
        assertThat(memberIds(r.jsonBody())).containsExactly(b);
        assertThat(r.header("ETag")).hasValue("W/\"2\"");
        assertThat(fx.get(idp, id)).isEqualTo(r.jsonBody());
    }

    @Test
    void putWithStaleIfMatchIs412AndMatchingIfMatchSucceeds() {
        String id = fx.group(idp, "Guarded");
        HttpResult stale = server.send(server.request(GROUPS + "/" + id, idp).header("If-Match", "W/\"9\"")
                .header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString(fx.groupBody("Changed", null).toString())));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(fx.get(idp, id).get("displayName").asText()).isEqualTo("Guarded");
        HttpResult ok = server.send(server.request(GROUPS + "/" + id, idp).header("If-Match", "W/\"1\"")
                .header("Content-Type", "application/scim+json")
                .PUT(HttpRequest.BodyPublishers.ofString(fx.groupBody("Changed", null).toString())));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.jsonBody().get("displayName").asText()).isEqualTo("Changed");
    }

    @Test
    void failedPutChangesNothing() {
        String a = fx.user(idp, "failput@corp.com");
        String id = fx.group(idp, "Unchanged", a);
        JsonNode before = fx.get(idp, id);
        HttpResult r = server.put(GROUPS + "/" + id, idp, fx.groupBody("Renamed", null, a, "ghost-id"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(fx.get(idp, id)).isEqualTo(before);
        assertThat(server.put(GROUPS + "/" + id, idp, "{\"displayName\": ").status()).isEqualTo(400);
        assertThat(fx.get(idp, id)).isEqualTo(before);
    }

    @Test
    void deleteThenGetIs404AndTheGroupLeavesItsParents() {
        String child = fx.group(idp, "Child");
        String parent = fx.group(idp, "Parent", child);
        assertThat(server.delete(GROUPS + "/" + child, idp).status()).isEqualTo(204);
        assertThat(server.get(GROUPS + "/" + child, idp).status()).isEqualTo(404);
        assertThat(server.delete(GROUPS + "/" + child, idp).status()).isEqualTo(404);
        assertThat(memberIds(fx.get(idp, parent))).isEmpty();
    }

    @Test
    void deletingAUserRemovesItsMemberships() {
        String leaving = fx.user(idp, "leaving@corp.com");
        String staying = fx.user(idp, "staying@corp.com");
        String id = fx.group(idp, "Team", leaving, staying);
        assertThat(server.delete("/scim/v2/Users/" + leaving, idp).status()).isEqualTo(204);
        assertThat(memberIds(fx.get(idp, id))).containsExactly(staying);
    }

    @Test
    void deleteWithStaleIfMatchIs412() {
        String id = fx.group(idp, "Kept");
        HttpResult r = server.send(server.request(GROUPS + "/" + id, idp).header("If-Match", "W/\"5\"").DELETE());
        assertThat(r.status()).isEqualTo(412);
        assertThat(server.get(GROUPS + "/" + id, idp).status()).isEqualTo(200);
    }

    @Test
    void requestWithoutTokenIs401() {
        assertThat(server.get(GROUPS, null).status()).isEqualTo(401);
    }
}
