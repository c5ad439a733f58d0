package dev.rollcall.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PATCH /Users/{id} as Microsoft Entra ID and Okta send it, and its failures changing nothing. */
class UsersPatchHttpTest {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final AtomicInteger SEQ = new AtomicInteger();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("entra", SourceKind.IDP)
            .build();
    @Token("entra") static String token;

    /** Creates a fresh user and returns its id. */
    static String newUser() {
        int n = SEQ.incrementAndGet();
        HttpResult r = server.post("/scim/v2/Users", token, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"patch%d@corp.example","externalId":"p-%d","active":true,
                 "name":{"givenName":"Pat","familyName":"Smith"},"displayName":"Pat Smith",
                 "emails":[{"value":"patch%d@corp.example","type":"work","primary":true},
                           {"value":"pat%d@home.example","type":"home"}],
                 "phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}],
                 "%s":{"employeeNumber":"%d","department":"Sales","manager":{"value":"boss-1"}}}
                """.formatted(ENTERPRISE, n, n, n, n, ENTERPRISE, n));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }

    static String ops(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations + "}";
    }

    static JsonNode patchOk(String id, String operations) {
        HttpResult r = server.patch("/scim/v2/Users/" + id, token, ops(operations));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/scim+json");
        return r.jsonBody();
    }

    static JsonNode get(String id) {
        HttpResult r = server.get("/scim/v2/Users/" + id, token);
        assertThat(r.status()).isEqualTo(200);
        return r.jsonBody();
    }

    @Test
    void opNamesAreAcceptedInAnyCase() {
        String id = newUser();
        JsonNode user = patchOk(id, """
                [{"op":"Replace","path":"displayName","value":"P. Smith"},
                 {"op":"ADD","path":"title","value":"Analyst"},
                 {"op":"remove","path":"nickName"},
                 {"op":"REMOVE","path":"phoneNumbers"}]""");
        assertThat(user.get("displayName").asText()).isEqualTo("P. Smith");
        assertThat(user.get("title").asText()).isEqualTo("Analyst");
        assertThat(user.has("phoneNumbers")).isFalse();
        assertThat(user.at("/meta/version").asText()).isEqualTo("W/\"2\"");
    }

    @Test
    void booleansSentAsStringsAreCoerced() {
        String id = newUser();
        assertThat(patchOk(id, "[{\"op\":\"replace\",\"value\":{\"active\":\"False\"}}]").get("active").isBoolean()).isTrue();
        assertThat(get(id).get("active").asBoolean()).isFalse();
        assertThat(patchOk(id, "[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"TRUE\"}]").get("active").asBoolean()).isTrue();
        JsonNode primary = patchOk(id, "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].primary\",\"value\":\"false\"}]");
        JsonNode home = null;
        for (JsonNode email : primary.get("emails")) {
            home = "home".equals(email.path("type").asText()) ? email : home;
        }
        assertThat(home).isNotNull();
        assertThat(home.get("primary").isBoolean()).as(home.toString()).isTrue();
        assertThat(home.get("primary").asBoolean()).isFalse();
    }

    @Test
    void noPathReplaceWithDottedKeysSetsSubAttributes() {
        String id = newUser();
        JsonNode user = patchOk(id, """
                [{"op":"Replace","value":{"name.givenName":"Patricia","name.familyName":"Jones","displayName":"Patricia Jones"}}]""");
        assertThat(user.at("/name/givenName").asText()).isEqualTo("Patricia");
        assertThat(user.at("/name/familyName").asText()).isEqualTo("Jones");
        assertThat(user.get("displayName").asText()).isEqualTo("Patricia Jones");
        assertThat(user.has("name.givenName")).isFalse();
    }

    @Test
    void noPathAddWithUrnQualifiedKeysSetsExtensionAttributes() {
        String id = newUser();
        JsonNode user = patchOk(id, """
                [{"op":"Add","value":{"%1$s:department":"Marketing","%1$s:costCenter":"CC-7",
                  "%1$s:manager":"boss-2"}}]""".formatted(ENTERPRISE));
        assertThat(user.at("/" + ENTERPRISE + "/department").asText()).isEqualTo("Marketing");
        assertThat(user.at("/" + ENTERPRISE + "/costCenter").asText()).isEqualTo("CC-7");
        assertThat(user.at("/" + ENTERPRISE + "/manager/value").asText()).isEqualTo("boss-2");
        assertThat(user.at("/" + ENTERPRISE + "/employeeNumber").asText()).isNotBlank();
    }

    @Test
    void managerGivenAsABareStringOnAUrnPath() {
        String id = newUser();
        JsonNode user = patchOk(id, "[{\"op\":\"Replace\",\"path\":\"%s:manager\",\"value\":\"boss-3\"}]".formatted(ENTERPRISE));
        assertThat(user.at("/" + ENTERPRISE + "/manager/value").asText()).isEqualTo("boss-3");
        JsonNode removed = patchOk(id, "[{\"op\":\"Remove\",\"path\":\"%s:manager\"}]".formatted(ENTERPRISE));
        assertThat(removed.path(ENTERPRISE).has("manager")).isFalse();
        assertThat(get(id).path(ENTERPRISE).has("manager")).isFalse();
    }

    @Test
    void applicationJsonIsAcceptedAndTheResponseIsStillScimJson() {
        String id = newUser();
        HttpResult r = server.send(server.request("/scim/v2/Users/" + id, token)
                .header("Content-Type", "application/json; charset=utf-8")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ops("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/scim+json");
        assertThat(r.jsonBody().get("title").asText()).isEqualTo("Lead");
    }

    @Test
    void valueFilterPathsReplaceAddAndRemoveOnlyTheMatchingElements() {
        String id = newUser();
        JsonNode user = patchOk(id, """
                [{"op":"replace","path":"emails[type eq \\"work\\"].value","value":"new.work@corp.example"},
                 {"op":"remove","path":"emails[type eq \\"home\\"]"},
                 {"op":"add","path":"phoneNumbers","value":[{"value":"+1 555 0199","type":"work"}]},
                 {"op":"remove","path":"phoneNumbers[type eq \\"mobile\\" and value sw \\"+1\\"]"}]""");
        assertThat(user.get("emails")).hasSize(1);
        assertThat(user.at("/emails/0/value").asText()).isEqualTo("new.work@corp.example");
        assertThat(user.at("/emails/0/type").asText()).isEqualTo("work");
        assertThat(user.get("phoneNumbers")).hasSize(1);
        assertThat(user.at("/phoneNumbers/0/type").asText()).isEqualTo("work");
    }

    @Test
    void addOnAValueFilterPathWithNoMatchCreatesTheElementAsEntraExpects() {
        String id = newUser();
        JsonNode user = patchOk(id, """
                [{"op":"Add","path":"addresses[type eq \\"work\\"].locality","value":"Amsterdam"},
                 {"op":"Add","path":"addresses[type eq \\"work\\"].country","value":"NL"}]""");
        assertThat(user.get("addresses")).hasSize(1);
        assertThat(user.at("/addresses/0/type").asText()).isEqualTo("work");
        assertThat(user.at("/addresses/0/locality").asText()).isEqualTo("Amsterdam");
        assertThat(user.at("/addresses/0/country").asText()).isEqualTo("NL");
    }

    @Test
    void theUpdatedUserIsFoundByItsNewValues() {
        String id = newUser();
        patchOk(id, "[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"moved@corp.example\"}]");
        HttpResult r = server.get("/scim/v2/Users?filter=" + java.net.URLEncoder.encode(
                "emails.value eq \"moved@corp.example\"", java.nio.charset.StandardCharsets.UTF_8), token);
        assertThat(r.jsonBody().get("totalResults").asInt()).isEqualTo(1);
        assertThat(r.jsonBody().at("/Resources/0/id").asText()).isEqualTo(id);
    }

    @Test
    void theFilterIndexForgetsReplacedAndRemovedValuesAndKeepsTheRest() {
        String id = newUser();
        patchOk(id, "[{\"op\":\"add\",\"path\":\"title\",\"value\":\"Engineer\"},"
                + "{\"op\":\"add\",\"path\":\"phoneNumbers\",\"value\":[{\"value\":\"+1 555 0101\",\"type\":\"work\"},"
                + "{\"value\":\"+1 555 0102\",\"type\":\"mobile\"}]}]");
        String before = found("phoneNumbers.value eq \"+1 555 0102\"");
        assertThat(before).isEqualTo(id);

        patchOk(id, "[{\"op\":\"remove\",\"path\":\"title\"},"
                + "{\"op\":\"remove\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"]\"},"
                + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed Person\"}]");

        assertThat(found("title eq \"Engineer\"")).isNull();
        assertThat(found("phoneNumbers.value eq \"+1 555 0102\"")).isNull();
        assertThat(found("phoneNumbers.value eq \"+1 555 0101\"")).isEqualTo(id);
        assertThat(found("displayName eq \"Renamed Person\"")).isEqualTo(id);
    }

    /** The id of the one user the filter finds, or null when it finds none. */
    private String found(String filter) {
        HttpResult r = server.get("/scim/v2/Users?filter=" + java.net.URLEncoder.encode(filter,
                java.nio.charset.StandardCharsets.UTF_8), token);
        assertThat(r.status()).isEqualTo(200);
        int total = r.jsonBody().get("totalResults").asInt();
        assertThat(total).isLessThanOrEqualTo(1);
        return total == 0 ? null : r.jsonBody().at("/Resources/0/id").asText();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "noTarget     | 400 | [{\"op\":\"remove\"}]",
            "noTarget     | 400 | [{\"op\":\"replace\",\"path\":\"emails[type eq \\\"other\\\"].value\",\"value\":\"x@y\"}]",
            "mutability   | 400 | [{\"op\":\"replace\",\"path\":\"id\",\"value\":\"another-id\"}]",
            "mutability   | 400 | [{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"g-1\"}]}]",
            "mutability   | 400 | [{\"op\":\"replace\",\"path\":\"meta.created\",\"value\":\"2020-01-01T00:00:00Z\"}]",
            "mutability   | 400 | [{\"op\":\"replace\",\"path\":\"urn:rollcall:scim:schemas:extension:lifecycle:1.0:User:personId\",\"value\":\"p\"}]",
            "mutability   | 400 | [{\"op\":\"remove\",\"path\":\"userName\"}]",
            "invalidPath  | 400 | [{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]",
            "invalidPath  | 400 | [{\"op\":\"replace\",\"path\":\"noSuchAttribute\",\"value\":\"x\"}]",
            "invalidPath  | 400 | [{\"op\":\"replace\",\"path\":\"name.noSuchPart\",\"value\":\"x\"}]",
            "invalidValue | 400 | [{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]",
            "invalidValue | 400 | [{\"op\":\"replace\",\"path\":\"name\",\"value\":42}]",
            "invalidValue | 400 | [{\"op\":\"replace\",\"path\":\"userName\",\"value\":{\"a\":1}}]",
            "invalidValue | 400 | [{\"op\":\"replace\",\"path\":\"userName\",\"value\":null}]",
            "invalidValue | 400 | [{\"op\":\"replace\",\"path\":\"title\",\"value\":\"ok\"},{\"op\":\"replace\",\"path\":\"active\",\"value\":[1]}]",
            "invalidValue | 400 | [{\"op\":\"frobnicate\",\"path\":\"title\",\"value\":\"x\"}]",
    })
    void aFailedPatchIsARfc7644ErrorAndChangesNothing(String scimType, int status, String operations) {
        String id = newUser();
        JsonNode before = get(id);
        HttpResult r = server.patch("/scim/v2/Users/" + id, token, ops(operations));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode error = r.jsonBody();
        assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").isTextual()).isTrue();
        assertThat(error.get("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("scimType").asText()).as(r.body()).isEqualTo(scimType);
        JsonNode after = get(id);
        assertThat(after.at("/meta/version").asText()).isEqualTo(before.at("/meta/version").asText());
        assertThat(after).isEqualTo(before);
    }
}
