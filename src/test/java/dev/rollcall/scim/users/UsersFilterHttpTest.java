package dev.rollcall.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /Users?filter=… and POST /Users/.search over a small fixed population of one source. */
class UsersFilterHttpTest {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("okta", SourceKind.IDP)
            .build();
    @Token("workday") static String token;
    static Instant beforeLastChange;

    @BeforeAll
    static void seed() {
        String otherSource = server.token("okta");
        create(token, user("alice@x.example", "EXT-Alice", "Alice", "Archer", "\"Engineer\"", true,
                "[{\"type\":\"work\",\"value\":\"alice@x.example\"},{\"type\":\"home\",\"value\":\"alice@home.example\"}]",
                "1001", "m-1"));
        // bob: a work email without @x and a home email with @x — the two conditions on different elements
        create(token, user("bob@x.example", "ext-bob", "Bob", "Baker", "\"Manager\"", false,
                "[{\"type\":\"work\",\"value\":\"bob@y.example\"},{\"type\":\"home\",\"value\":\"bob@x.example\"}]",
                "1002", "m-1"));
        create(token, user("carol@x.example", "ext-carol", "Carol", "Carter", null, true,
                "[{\"type\":\"work\",\"value\":\"carol@x.example\"}]", "1003", "m-2"));
        create(token, user("dave@x.example", "ext-dave", "Dave", "Davis", "\"Engineer\"", true, null, "2001", null));
        // another source's user matches many filters but must never be seen
        create(otherSource, user("alice@x.example", "EXT-Alice", "Alice", "Archer", "\"Engineer\"", true, null, "1001", "m-1"));
        // the server runs on the extension's clock, which only moves when told to
        server.clock().advance(Duration.ofMillis(20));
        beforeLastChange = server.clock().instant();
        server.clock().advance(Duration.ofMillis(20));
        String daveId = list("userName eq \"dave@x.example\"").at("/Resources/0/id").asText();
        HttpResult patched = server.patch("/scim/v2/Users/" + daveId, token, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"nickName","value":"D"}]}""");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    static String user(String userName, String externalId, String given, String family, String titleJson, boolean active,
                       String emailsJson, String employeeNumber, String manager) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"%s","externalId":"%s","active":%s,"title":%s,
                 "name":{"givenName":"%s","familyName":"%s"},"emails":%s,
                 "%s":{"employeeNumber":"%s","manager":%s}}
                """.formatted(ENTERPRISE, userName, externalId, active, titleJson, given, family, emailsJson,
                ENTERPRISE, employeeNumber, manager == null ? "null" : "{\"value\":\"" + manager + "\"}");
    }

    static void create(String source, String body) {
        HttpResult r = server.post("/scim/v2/Users", source, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static JsonNode list(String filter) {
        HttpResult r = server.get("/scim/v2/Users?filter=" + encode(filter), token);
        assertThat(r.status()).as(filter + " -> " + r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    /** The local parts of the userNames matching the filter, in the server's order. */
    static List<String> matching(String filter) {
        JsonNode body = list(filter);
        List<String> names = new ArrayList<>();
        body.path("Resources").forEach(u -> names.add(u.get("userName").asText().replace("@x.example", "")));
        assertThat(body.get("totalResults").asInt()).as(filter).isEqualTo(names.size());
        return names;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name.familyName eq \"Baker\"                | bob",
            "name.familyName ne \"Baker\"                | alice carol dave",
            "userName co \"ar\"                          | carol",
            "name.familyName sw \"ba\"                   | bob",
            "emails.value ew \"@HOME.example\"           | alice",
            "title pr                                    | alice bob dave",
            "emails pr                                   | alice bob carol",
            ENTERPRISE + ":employeeNumber gt \"1002\"    | carol dave",
            ENTERPRISE + ":employeeNumber ge \"1002\"    | bob carol dave",
            ENTERPRISE + ":employeeNumber lt \"1002\"    | alice",
            ENTERPRISE + ":employeeNumber le \"1002\"    | alice bob",
            "active eq false                             | bob",
    })
    void everyComparisonOperator(String filter, String expected) {
        assertThat(matching(filter)).containsExactlyInAnyOrder(expected.split(" "));
    }

    @Test
    void andBindsTighterThanOr() {
        // A or (B and C), not (A or B) and C: bob is in A but inactive
        assertThat(matching("name.familyName eq \"Baker\" or title eq \"Engineer\" and active eq true"))
                .containsExactlyInAnyOrder("alice", "bob", "dave");
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(matching("(name.familyName eq \"Baker\" or title eq \"Engineer\") and active eq true"))
                .containsExactlyInAnyOrder("alice", "dave");
    }

    @Test
    void notNegatesAGroupIncludingUsersWithoutTheAttribute() {
        assertThat(matching("not (title eq \"Engineer\")")).containsExactlyInAnyOrder("bob", "carol");
        assertThat(matching("active eq true and not (emails pr)")).containsExactly("dave");
    }

    @Test
    void valuePathRequiresBothConditionsOnTheSameElement() {
        assertThat(matching("emails[type eq \"work\" and value co \"@x\"]")).containsExactlyInAnyOrder("alice", "carol");
    }

    @Test
    void valuePathCombinesWithOtherExpressions() {
        assertThat(matching("emails[type eq \"home\"] and not (name.givenName eq \"Alice\")")).containsExactly("bob");
    }

    @Test
    void urnQualifiedEnterpriseAttributesAndSubAttributes() {
        assertThat(matching(ENTERPRISE + ":employeeNumber eq \"1002\"")).containsExactly("bob");
        assertThat(matching(ENTERPRISE + ":manager.value eq \"m-1\"")).containsExactlyInAnyOrder("alice", "bob");
        assertThat(matching(ENTERPRISE + ":manager pr")).containsExactlyInAnyOrder("alice", "bob", "carol");
    }

    @Test
    void metaLastModifiedComparesAsATimestamp() {
        assertThat(matching("meta.lastModified gt \"" + beforeLastChange + "\"")).containsExactly("dave");
        assertThat(matching("meta.lastModified lt \"" + beforeLastChange + "\""))
                .containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(matching("meta.created lt \"" + beforeLastChange + "\""))
                .containsExactlyInAnyOrder("alice", "bob", "carol", "dave");
    }

    @Test
    void attributeNamesAndOperatorsAreCaseInsensitive() {
        assertThat(matching("USERNAME EQ \"BOB@X.EXAMPLE\"")).containsExactly("bob");
        assertThat(matching("Name.FamilyName Sw \"car\"")).containsExactly("carol");
        assertThat(matching("EMAILS[TYPE eq \"home\" AND VALUE Co \"@X\"]")).containsExactly("bob");
        assertThat(matching(ENTERPRISE.toUpperCase(java.util.Locale.ROOT) + ":EMPLOYEENUMBER eq \"1001\""))
                .containsExactly("alice");
        assertThat(matching("title pR and not (Active Eq true)")).containsExactly("bob");
    }

    @Test
    void externalIdIsCaseExact() {
        assertThat(matching("externalId eq \"EXT-Alice\"")).containsExactly("alice");
        assertThat(matching("externalId eq \"ext-alice\"")).isEmpty();
        assertThat(matching("externalId sw \"ext-\"")).containsExactlyInAnyOrder("bob", "carol", "dave");
    }

    @Test
    void sortByAnyAttributeInEitherOrder() {
        assertThat(names(server.get("/scim/v2/Users?sortBy=name.familyName&sortOrder=descending", token)))
                .containsExactly("dave", "carol", "bob", "alice");
        assertThat(names(server.get("/scim/v2/Users?sortBy=" + encode(ENTERPRISE + ":employeeNumber"), token)))
                .containsExactly("alice", "bob", "carol", "dave");
        assertThat(names(server.get("/scim/v2/Users?filter=" + encode("title pr") + "&sortBy=title&sortOrder=ascending", token)))
                .startsWith("alice").endsWith("bob");
    }

    @Test
    void pagingReturnsTheRequestedWindowAndCountsAllMatches() {
        HttpResult r = server.get("/scim/v2/Users?sortBy=userName&startIndex=2&count=2", token);
        JsonNode body = r.jsonBody();
        assertThat(body.get("totalResults").asInt()).isEqualTo(4);
        assertThat(body.get("startIndex").asInt()).isEqualTo(2);
        assertThat(body.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(names(r)).containsExactly("bob", "carol");
        HttpResult beyond = server.get("/scim/v2/Users?sortBy=userName&startIndex=10&count=2", token);
        assertThat(beyond.jsonBody().get("totalResults").asInt()).isEqualTo(4);
        assertThat(names(beyond)).isEmpty();
        HttpResult countOnly = server.get("/scim/v2/Users?count=0", token);
        assertThat(countOnly.jsonBody().get("totalResults").asInt()).isEqualTo(4);
        assertThat(names(countOnly)).isEmpty();
    }

    @Test
    void attributesReturnsOnlyThoseAndTheAlwaysReturnedOnes() {
        JsonNode alice = server.get("/scim/v2/Users?filter=" + encode("userName eq \"alice@x.example\"")
                + "&attributes=userName,emails.value", token).jsonBody().at("/Resources/0");
        assertThat(alice.has("id")).isTrue();
        assertThat(alice.get("userName").asText()).isEqualTo("alice@x.example");
        assertThat(alice.at("/emails/0").size()).as(alice.toString()).isEqualTo(1);
        assertThat(alice.at("/emails/0/value").asText()).isNotBlank();
        assertThat(alice.has("name")).isFalse();
        assertThat(alice.has("title")).isFalse();
        assertThat(alice.has(ENTERPRISE)).isFalse();
    }

    @Test
    void excludedAttributesLeavesOutThoseOnly() {
        JsonNode alice = server.get("/scim/v2/Users?filter=" + encode("userName eq \"alice@x.example\"")
                + "&excludedAttributes=emails,name," + encode(ENTERPRISE + ":manager"), token).jsonBody().at("/Resources/0");
        assertThat(alice.has("emails")).isFalse();
        assertThat(alice.has("name")).isFalse();
        assertThat(alice.get("id").asText()).isNotBlank();
        assertThat(alice.get("title").asText()).isEqualTo("Engineer");
        assertThat(alice.path(ENTERPRISE).has("manager")).as(alice.toString()).isFalse();
        assertThat(alice.path(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("1001");
    }

    @Test
    void searchByPostTakesTheSameParameters() {
        HttpResult r = server.post("/scim/v2/Users/.search", token, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"emails[type eq \\"work\\" and value co \\"@x\\"] or active eq false",
                 "sortBy":"name.familyName","sortOrder":"descending","startIndex":1,"count":2,
                 "attributes":["userName"]}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/scim+json");
        JsonNode body = r.jsonBody();
        assertThat(body.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(body.get("totalResults").asInt()).isEqualTo(3);
        assertThat(names(r)).containsExactly("carol", "bob");
        assertThat(body.at("/Resources/0").has("name")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "userName eq",
            "userName xx \"a\"",
            "(userName eq \"a\"",
            "userName eq \"a\" and",
            "emails[type eq \"work\"",
            "nosuchAttribute eq \"x\"",
            "name.nosuch eq \"x\"",
            "urn:example:unknown:2.0:User:foo eq \"x\"",
    })
    void invalidFilterIs400InvalidFilter(String filter) {
        HttpResult r = server.get("/scim/v2/Users?filter=" + encode(filter), token);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("400");
        HttpResult post = server.post("/scim/v2/Users/.search", token,
                server.json().createObjectNode().put("filter", filter));
        assertThat(post.status()).isEqualTo(400);
        assertThat(post.jsonBody().get("scimType").asText()).isEqualTo("invalidFilter");
    }

    static List<String> names(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.jsonBody().path("Resources").forEach(u -> names.add(u.get("userName").asText().replace("@x.example", "")));
        return names;
    }
}
