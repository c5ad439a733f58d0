package dev.rollcall.scim.groups;

import static dev.rollcall.scim.groups.GroupFixture.GROUPS;
import static dev.rollcall.scim.groups.GroupFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listing and searching /Groups: filters, sorting, paging, projection, source scoping. */
class GroupsListTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .source("entra", SourceKind.IDP)
            .build();
    static final GroupFixture fx = new GroupFixture(server);
    @Token("okta") static String idp;
    @Token("entra") static String other;
    static String alice;
    static String sales;
    static String support;

    @BeforeAll
    static void seed() {
        alice = fx.user(idp, "alice@corp.com", "Alice");
        String bob = fx.user(idp, "bob@corp.com");
        sales = fx.group(idp, "Sales", alice);
        support = fx.group(idp, "Support", bob);
        assertThat(server.post(GROUPS, idp, fx.groupBody("Admins", "ad-1", alice, bob)).status()).isEqualTo(201);
        fx.group(other, "Sales");
    }

    static List<String> names(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.jsonBody().get("Resources").forEach(g -> out.add(g.path("displayName").asText()));
        return out;
    }

    @Test
    void listsOnlyTheCallersGroupsInCreationOrder() {
        HttpResult r = server.get(GROUPS, idp);
        assertThat(r.contentType()).startsWith("application/scim+json");
        assertThat(r.jsonBody().at("/schemas/0").asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(r.jsonBody().get("totalResults").asInt()).isEqualTo(3);
        assertThat(names(r)).containsExactly("Sales", "Support", "Admins");
    }

    @Test
    void filterByDisplayNameIgnoresCase() {
        HttpResult r = server.get(GROUPS + "?filter=" + query("displayName eq \"sALES\""), idp);
        assertThat(names(r)).containsExactly("Sales");
        assertThat(r.jsonBody().at("/Resources/0/id").asText()).isEqualTo(sales);
    }

    @Test
    void filterByMemberValueFindsTheGroupsOfAUser() {
        assertThat(names(server.get(GROUPS + "?filter=" + query("members.value eq \"" + alice + "\""), idp)))
                .containsExactly("Sales", "Admins");
        assertThat(names(server.get(GROUPS + "?filter=" + query("members[value eq \"" + alice + "\"] and displayName sw \"A\""), idp)))
                .containsExactly("Admins");
    }

    @Test
    void filterByExternalIdAndMeta() {
        assertThat(names(server.get(GROUPS + "?filter=" + query("externalId eq \"ad-1\""), idp))).containsExactly("Admins");
        assertThat(names(server.get(GROUPS + "?filter=" + query("meta.resourceType eq \"Group\" and not (displayName co \"u\")"), idp)))
                .containsExactly("Sales", "Admins");
    }

    @Test
    void sortAndPage() {
        HttpResult r = server.get(GROUPS + "?sortBy=displayName&sortOrder=descending&startIndex=2&count=1", idp);
        assertThat(names(r)).containsExactly("Sales");
        assertThat(r.jsonBody().get("totalResults").asInt()).isEqualTo(3);
        assertThat(r.jsonBody().get("startIndex").asInt()).isEqualTo(2);
        assertThat(r.jsonBody().get("itemsPerPage").asInt()).isEqualTo(1);
        HttpResult countOnly = server.get(GROUPS + "?count=0", idp);
        assertThat(countOnly.jsonBody().get("totalResults").asInt()).isEqualTo(3);
        assertThat(countOnly.jsonBody().get("Resources")).isEmpty();
    }

    @Test
    void excludedMembersAreLeftOutAndAttributesProject() {
        HttpResult r = server.get(GROUPS + "?excludedAttributes=members", idp);
        assertThat(names(r)).hasSize(3);
        r.jsonBody().get("Resources").forEach(g -> {
            assertThat(g.has("members")).isFalse();
            assertThat(g.has("id")).isTrue();
        });
        HttpResult projected = server.get(GROUPS + "?attributes=displayName&filter=" + query("displayName eq \"Sales\""), idp);
        JsonNode g = projected.jsonBody().at("/Resources/0");
        assertThat(g.get("displayName").asText()).isEqualTo("Sales");
        assertThat(g.has("members")).isFalse();
        assertThat(g.get("id").asText()).isEqualTo(sales);
        HttpResult withMembers = server.get(GROUPS + "?attributes=members.value&filter=" + query("displayName eq \"Sales\""), idp);
        assertThat(withMembers.jsonBody().at("/Resources/0/members/0/value").asText()).isEqualTo(alice);
        HttpResult one = server.get(GROUPS + "/" + support + "?excludedAttributes=members", idp);
        assertThat(one.jsonBody().has("members")).isFalse();
    }

    @Test
    void searchWithPost() {
        HttpResult r = server.post(GROUPS + "/.search", idp, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"displayName sw \\"S\\"","sortBy":"displayName","attributes":["displayName"],"count":10}""");
        assertThat(names(r)).containsExactly("Sales", "Support");
    }

    @Test
    void badFilterIs400InvalidFilter() {
        HttpResult r = server.get(GROUPS + "?filter=" + query("displayName zz \"x\""), idp);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidFilter");
        HttpResult unknownAttr = server.get(GROUPS + "?filter=" + query("userName eq \"x\""), idp);
        assertThat(unknownAttr.status()).isEqualTo(400);
        assertThat(unknownAttr.jsonBody().get("scimType").asText()).isEqualTo("invalidFilter");
    }

    @Test
    void showsMembersFollowsTheProjection() {
        assertThat(GroupsResource.showsMembers(null, null)).isTrue();
        assertThat(GroupsResource.showsMembers(null, "Members")).isFalse();
        assertThat(GroupsResource.showsMembers(null, "urn:ietf:params:scim:schemas:core:2.0:Group:members")).isFalse();
        assertThat(GroupsResource.showsMembers(null, "members.display")).isTrue();
        assertThat(GroupsResource.showsMembers("displayName", null)).isFalse();
        assertThat(GroupsResource.showsMembers("displayName, members.value", null)).isTrue();
        assertThat(GroupsResource.showsMembers("urn:ietf:params:scim:schemas:core:2.0:Group", null)).isTrue();
    }
}
