package dev.rollcall.scim.search;

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

/** POST /scim/v2/.search across Users and Groups of the calling source. */
class RootSearchHttpTest {
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .source("entra", SourceKind.IDP)
            .build();
    @Token("okta") static String idp;
    @Token("entra") static String other;

    @BeforeAll
    static void seed() {
        List<String> ids = new ArrayList<>();
        for (String name : new String[] {"amy", "ben", "cat"}) {
            HttpResult r = server.post("/scim/v2/Users", idp,
                    "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + name + "@corp.com\",\"displayName\":\"" + name + "\"}");
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.jsonBody().get("id").asText());
        }
        assertThat(server.post("/scim/v2/Groups", idp, "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Admins\","
                + "\"members\":[{\"value\":\"" + ids.get(0) + "\"}]}").status()).isEqualTo(201);
        assertThat(server.post("/scim/v2/Groups", idp, "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Empty\"}").status()).isEqualTo(201);
        assertThat(server.post("/scim/v2/Users", other, "{\"userName\":\"amy@corp.com\"}").status()).isEqualTo(201);
    }

    static String search(String fields) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    JsonNode ok(String body) {
        HttpResult r = server.post("/scim/v2/.search", idp, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/scim+json");
        JsonNode json = r.jsonBody();
        assertThat(json.at("/schemas/0").asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        return json;
    }

    static List<String> types(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("Resources").forEach(r -> out.add(r.at("/meta/resourceType").asText()));
        return out;
    }

    @Test
    void listsUsersThenGroupsOfTheCallingSourceOnly() {
        JsonNode list = ok(search(""));
        assertThat(list.get("totalResults").asInt()).isEqualTo(5);
        assertThat(types(list)).containsExactly("User", "User", "User", "Group", "Group");
    }

    @Test
    void pagesOverTheUnionWithTotalResultsTheSum() {
        JsonNode first = ok(search("\"startIndex\":1,\"count\":2"));
        assertThat(first.get("totalResults").asInt()).isEqualTo(5);
        assertThat(first.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(types(first)).containsExactly("User", "User");

        JsonNode straddling = ok(search("\"startIndex\":3,\"count\":2"));
        assertThat(straddling.get("startIndex").asInt()).isEqualTo(3);
        assertThat(types(straddling)).containsExactly("User", "Group");
        assertThat(straddling.at("/Resources/0/userName").asText()).isEqualTo("cat@corp.com");
        assertThat(straddling.at("/Resources/1/displayName").asText()).isEqualTo("Admins");

        JsonNode groupsOnly = ok(search("\"startIndex\":5,\"count\":10"));
        assertThat(types(groupsOnly)).containsExactly("Group");
        assertThat(groupsOnly.at("/Resources/0/displayName").asText()).isEqualTo("Empty");

        JsonNode beyond = ok(search("\"startIndex\":9"));
        assertThat(beyond.get("totalResults").asInt()).isEqualTo(5);
        assertThat(beyond.get("Resources")).isEmpty();

        JsonNode countOnly = ok(search("\"count\":0"));
        assertThat(countOnly.get("totalResults").asInt()).isEqualTo(5);
        assertThat(countOnly.get("Resources")).isEmpty();
    }

    @Test
    void anAttributeOnlyUsersHaveFindsNoGroupsInsteadOfFailing() {
        JsonNode list = ok(search("\"filter\":\"userName eq \\\"ben@corp.com\\\"\""));
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(types(list)).containsExactly("User");
    }

    @Test
    void anAttributeOnlyGroupsHaveFindsNoUsers() {
        JsonNode list = ok(search("\"filter\":\"members pr\""));
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.at("/Resources/0/displayName").asText()).isEqualTo("Admins");
    }

    @Test
    void orAcrossTypesFindsOneOfEach() {
        JsonNode list = ok(search("\"filter\":\"userName eq \\\"amy@corp.com\\\" or displayName eq \\\"Empty\\\"\""));
        assertThat(list.get("totalResults").asInt()).isEqualTo(2);
        assertThat(types(list)).containsExactly("User", "Group");
    }

    @Test
    void notOfAnAbsentAttributeMatchesTheWholeType() {
        JsonNode list = ok(search("\"filter\":\"not (members pr)\""));
        assertThat(types(list)).containsExactly("User", "User", "User", "Group");
    }

    @Test
    void anAttributeNoTypeHasIs400InvalidFilter() {
        HttpResult r = server.post("/scim/v2/.search", idp, search("\"filter\":\"shoeSize eq 42\""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidFilter");
    }

    @Test
    void malformedFilterIs400InvalidFilterAndWrongSchemaIs400InvalidSyntax() {
        HttpResult bad = server.post("/scim/v2/.search", idp, search("\"filter\":\"userName eq\""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.jsonBody().get("scimType").asText()).isEqualTo("invalidFilter");
        HttpResult schema = server.post("/scim/v2/.search", idp, "{\"schemas\":[\"urn:nope\"]}");
        assertThat(schema.status()).isEqualTo(400);
        assertThat(schema.jsonBody().get("scimType").asText()).isEqualTo("invalidSyntax");
    }

    @Test
    void sortByAnAttributeOneTypeLacksSortsThatTypeOnly() {
        JsonNode list = ok(search("\"sortBy\":\"userName\",\"sortOrder\":\"descending\""));
        assertThat(list.at("/Resources/0/userName").asText()).isEqualTo("cat@corp.com");
        assertThat(types(list)).containsExactly("User", "User", "User", "Group", "Group");
        HttpResult r = server.post("/scim/v2/.search", idp, search("\"sortBy\":\"shoeSize\""));
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void projectsAttributesOnEveryType() {
        JsonNode list = ok(search("\"attributes\":[\"displayName\"],\"count\":5"));
        list.get("Resources").forEach(r -> {
            assertThat(r.has("id")).isTrue();
            assertThat(r.has("displayName")).isTrue();
            assertThat(r.has("userName")).isFalse();
            assertThat(r.has("members")).isFalse();
        });
    }

    @Test
    void needsASourceToken() {
        assertThat(server.post("/scim/v2/.search", null, search("")).status()).isEqualTo(401);
    }
}
