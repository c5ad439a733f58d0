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
import org.junit.jupiter.params.provider.ValueSource;

/** Error responses and limits of /Users, on a server with a 2 KiB body limit and at most 2 results per page. */
class UsersErrorsHttpTest {
    static final AtomicInteger SEQ = new AtomicInteger();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("bamboohr", SourceKind.HRIS)
            .env("ROLLCALL_MAX_BODY_BYTES", "2048")
            .env("ROLLCALL_FILTER_MAX_RESULTS", "2")
            .build();
    @Token("bamboohr") static String token;

    static String userBody(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","title":"Clerk",
                 "name":{"givenName":"Err","familyName":"Or"},"phoneNumbers":[{"value":"+1 555 0111","type":"work"}]}
                """.formatted(userName);
    }

    static JsonNode newUser() {
        HttpResult r = server.post("/scim/v2/Users", token, userBody("err" + SEQ.incrementAndGet() + "@corp.example"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody();
    }

    /** Asserts an RFC 7644 §3.12 error: the Error schema, status as a string equal to the HTTP status. */
    static JsonNode assertScimError(HttpResult r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/scim+json");
        JsonNode error = r.jsonBody();
        assertThat(error.get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").isTextual()).as(r.body()).isTrue();
        assertThat(error.get("status").asText()).isEqualTo(Integer.toString(status));
        return error;
    }

    static HttpResult send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = server.request(path, token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return server.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aBodyOverTheLimitIs413ForEveryWritingMethod() {
        String id = newUser().get("id").asText();
        String padding = "x".repeat(3000);
        String big = userBody("big@corp.example").replace("\"Clerk\"", "\"" + padding + "\"");
        assertScimError(server.post("/scim/v2/Users", token, big), 413);
        assertScimError(server.put("/scim/v2/Users/" + id, token, big), 413);
        assertScimError(server.patch("/scim/v2/Users/" + id, token, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"title","value":"%s"}]}""".formatted(padding)), 413);
        assertScimError(server.post("/scim/v2/Users/.search", token, "{\"filter\":\"title eq \\\"" + padding + "\\\"\"}"), 413);
        assertThat(server.get("/scim/v2/Users/" + id, token).jsonBody().get("title").asText()).isEqualTo("Clerk");
    }

    @Test
    void aBodyJustUnderTheLimitIsAccepted() {
        String body = userBody("fits@corp.example");
        String padded = body.replace("\"Clerk\"", "\"" + "y".repeat(2048 - body.length() - 10) + "\"");
        assertThat(padded.length()).isLessThan(2048);
        assertThat(server.post("/scim/v2/Users", token, padded).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aNonJsonContentTypeIs415(String contentType) {
        assertScimError(send("POST", "/scim/v2/Users", contentType, userBody("media@corp.example")), 415);
        String id = newUser().get("id").asText();
        assertScimError(send("PATCH", "/scim/v2/Users/" + id, contentType,
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}"), 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE"})
    void meIsNotImplemented(String method) {
        String body = method.equals("GET") || method.equals("DELETE") ? null : userBody("me@corp.example");
        assertScimError(send(method, "/scim/v2/Me", body == null ? null : "application/scim+json", body), 501);
    }

    @Test
    void missingOrUnknownTokenIs401ScimError() {
        assertScimError(server.get("/scim/v2/Users", null), 401);
        assertScimError(server.get("/scim/v2/Users", "not-a-token"), 401);
    }

    @Test
    void ifMatchMismatchOnPatchIs412AndChangesNothing() {
        JsonNode user = newUser();
        String id = user.get("id").asText();
        HttpResult r = server.send(server.request("/scim/v2/Users/" + id, token)
                .header("Content-Type", "application/scim+json").header("If-Match", "W/\"5\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("""
                        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations":[{"op":"replace","path":"title","value":"Boss"}]}""")));
        assertScimError(r, 412);
        assertThat(server.get("/scim/v2/Users/" + id, token).jsonBody()).isEqualTo(user);
    }

    @Test
    void ifMatchMismatchOnDeleteIs412AndTheUserStays() {
        String id = newUser().get("id").asText();
        assertScimError(server.send(server.request("/scim/v2/Users/" + id, token).header("If-Match", "W/\"2\"").DELETE()), 412);
        assertThat(server.get("/scim/v2/Users/" + id, token).status()).isEqualTo(200);
        assertThat(server.send(server.request("/scim/v2/Users/" + id, token).header("If-Match", "W/\"1\"").DELETE()).status())
                .isEqualTo(204);
    }

    @Test
    void putReplacesEverythingAndOmittedAttributesAreRemoved() {
        String id = newUser().get("id").asText();
        HttpResult r = server.put("/scim/v2/Users/" + id, token, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"renamed%d@corp.example",
                 "displayName":"Only Me"}""".formatted(SEQ.incrementAndGet()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode after = server.get("/scim/v2/Users/" + id, token).jsonBody();
        assertThat(after.get("displayName").asText()).isEqualTo("Only Me");
        assertThat(after.has("title")).isFalse();
        assertThat(after.has("name")).isFalse();
        assertThat(after.has("phoneNumbers")).isFalse();
        assertThat(after.at("/meta/version").asText()).isEqualTo("W/\"2\"");
    }

    @Test
    void readOnlyIdMetaGroupsAndPersonIdInAPutBodyAreIgnored() {
        JsonNode user = newUser();
        String id = user.get("id").asText();
        HttpResult r = server.put("/scim/v2/Users/" + id, token, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"00000000-0000-0000-0000-000000000000",
                 "userName":"%s","title":"Senior Clerk","groups":[{"value":"g-1","display":"Fake"}],
                 "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User":{"personId":"someone-else"},
                 "meta":{"resourceType":"Group","version":"W/\\"99\\"","created":"2001-01-01T00:00:00Z",
                         "location":"https://evil.example/Users/x"}}""".formatted(user.get("userName").asText()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode after = r.jsonBody();
        assertThat(after.get("id").asText()).isEqualTo(id);
        assertThat(after.get("title").asText()).isEqualTo("Senior Clerk");
        assertThat(after.has("groups") && after.get("groups").size() > 0).isFalse();
        assertThat(after.at("/meta/version").asText()).isEqualTo("W/\"2\"");
        assertThat(after.at("/meta/resourceType").asText()).isEqualTo("User");
        assertThat(after.at("/meta/created").asText()).isEqualTo(user.at("/meta/created").asText());
        assertThat(after.at("/meta/location").asText()).isEqualTo(user.at("/meta/location").asText());
        String personId = "/urn:rollcall:scim:schemas:extension:lifecycle:1.0:User/personId";
        assertThat(after.at(personId).asText()).isNotBlank().isEqualTo(user.at(personId).asText());
        assertThat(server.get("/scim/v2/Users/00000000-0000-0000-0000-000000000000", token).status()).isEqualTo(404);
    }

    @Test
    void countAboveTheMaximumIsCappedButTotalResultsCountsAll() {
        newUser();
        newUser();
        newUser();
        JsonNode page = server.get("/scim/v2/Users?count=50", token).jsonBody();
        assertThat(page.get("Resources")).hasSize(2);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.get("totalResults").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode defaults = server.get("/scim/v2/Users", token).jsonBody();
        assertThat(defaults.get("Resources")).hasSize(2);
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "POST  | /scim/v2/Users                 | application/scim+json | []",
            "POST  | /scim/v2/Users                 | application/scim+json | null",
            "POST  | /scim/v2/Users                 | application/scim+json | 42",
            "POST  | /scim/v2/Users                 | application/scim+json | \"just a string\"",
            "POST  | /scim/v2/Users                 | application/scim+json | {}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":42}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"\"}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u1\",\"emails\":\"a@b\"}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u2\",\"emails\":[42]}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u3\",\"name\":[]}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u4\",\"schemas\":\"x\"}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u5\",\"schemas\":[\"urn:nope\"]}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u6\",\"active\":{}}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u7\",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":7}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u8\",\"urn:rollcall:scim:schemas:extension:lifecycle:1.0:User\":{\"hireDate\":\"not a date\"}}",
            "POST  | /scim/v2/Users                 | application/scim+json | {\"userName\":\"u9\"",
            "POST  | /scim/v2/Users                 | application/scim+json | ''",
            "POST  | /scim/v2/Users/.search         | application/scim+json | []",
            "POST  | /scim/v2/Users/.search         | application/scim+json | {\"startIndex\":\"abc\"}",
            "POST  | /scim/v2/Users/.search         | application/scim+json | {\"sortOrder\":\"sideways\"}",
            "POST  | /scim/v2/Users/.search         | application/scim+json | {\"sortBy\":\"nosuch\"}",
            "POST  | /scim/v2/Users/.search         | application/scim+json | {\"schemas\":[\"urn:wrong\"]}",
            "GET   | /scim/v2/Users?startIndex=abc  |                       | ",
            "GET   | /scim/v2/Users?count=-5&startIndex=-3 |                | ",
            "GET   | /scim/v2/Users?sortBy=%5B%5D   |                       | ",
            "GET   | /scim/v2/Users?attributes=%5B  |                       | ",
            "GET   | /scim/v2/Users/%20%27%3B--     |                       | ",
            "GET   | /scim/v2/Users/..%2F..%2Fetc   |                       | ",
            "PATCH | /scim/v2/Users/no-such-id      | application/scim+json | {\"Operations\":[]}",
            "PUT   | /scim/v2/Users/no-such-id      | application/scim+json | {\"userName\":\"x\"}",
            "DELETE| /scim/v2/Users/no-such-id      |                       | ",
            "DELETE| /scim/v2/Users                 |                       | ",
            "PUT   | /scim/v2/Users                 | application/scim+json | {\"userName\":\"x\"}",
    })
    void badRequestsAreClientErrorsNeverServerErrors(String method, String path, String contentType, String body) {
        HttpResult r = send(method, path, contentType, body);
        assertThat(r.status()).as(r.body()).isBetween(200, 499);
        if (r.status() >= 400) {
            JsonNode error = r.jsonBody();
            assertThat(error.get("status").isTextual()).as(r.body()).isTrue();
            assertThat(error.get("status").asText()).isEqualTo(Integer.toString(r.status()));
        }
    }

    @Test
    void aUserBodyWithInvalidUtf8IsAClientError() {
        byte[] bytes = "{\"userName\":\"bad\u0000\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, bytes.length - 2);
        broken[bytes.length - 2] = (byte) 0xC3;
        broken[bytes.length - 1] = (byte) 0x28;
        broken[bytes.length] = '"';
        broken[bytes.length + 1] = '}';
        HttpResult r = server.send(server.request("/scim/v2/Users", token).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(broken)));
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
    }
}
