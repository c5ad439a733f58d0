package dev.rollcall.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsersCrudTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("okta", SourceKind.IDP)
            .build();
    @Token("workday") static String hr;
    @Token("okta") static String idp;

    static String user(String userName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s","externalId":"%s","active":true,
                 "name":{"givenName":"Jane","familyName":"Doe"},
                 "emails":[{"value":"%s","type":"work","primary":true}]}
                """.formatted(userName, externalId, userName);
    }

    @Test
    void createReturns201WithIdMetaLocationEtagAndPersonId() {
        HttpResult r = server.post("/scim/v2/Users", hr, user("jane.doe@corp.com", "w-1"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/scim+json");
        JsonNode body = r.jsonBody();
        String id = body.get("id").asText();
        assertThat(r.header("Location")).hasValue(server.baseUrl() + "/scim/v2/Users/" + id);
        assertThat(body.at("/meta/location").asText()).isEqualTo(server.baseUrl() + "/scim/v2/Users/" + id);
        assertThat(body.at("/meta/resourceType").asText()).isEqualTo("User");
        assertThat(body.at("/meta/version").asText()).isEqualTo("W/\"1\"");
        assertThat(r.header("ETag")).hasValue("W/\"1\"");
        assertThat(body.at("/urn:rollcall:scim:schemas:extension:lifecycle:1.0:User/personId").asText()).as(body.toString()).isNotBlank();
        assertThat(body.at("/name/givenName").asText()).isEqualTo("Jane");
    }

    @Test
    void getReturnsWhatWasCreatedAndHonoursIfNoneMatch() {
        String id = server.post("/scim/v2/Users", hr, user("get.me@corp.com", "w-get")).jsonBody().get("id").asText();
        HttpResult r = server.get("/scim/v2/Users/" + id, hr);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.jsonBody().get("userName").asText()).isEqualTo("get.me@corp.com");
        HttpResult notModified = server.send(server.request("/scim/v2/Users/" + id, hr).header("If-None-Match", "W/\"1\"").GET());
        assertThat(notModified.status()).isEqualTo(304);
    }

    @Test
    void anotherSourcesUserIsNotFound() {
        String id = server.post("/scim/v2/Users", hr, user("hidden@corp.com", "w-hidden")).jsonBody().get("id").asText();
        HttpResult r = server.get("/scim/v2/Users/" + id, idp);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("404");
    }

    @Test
    void duplicateUserNameIgnoringCaseIs409Uniqueness() {
        assertThat(server.post("/scim/v2/Users", hr, user("dup@corp.com", "w-dup1")).status()).isEqualTo(201);
        HttpResult r = server.post("/scim/v2/Users", hr, user("DUP@corp.com", "w-dup2"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("409");
    }

    @Test
    void duplicateExternalIdIsAcceptedAndSameUserNameInAnotherSourceIsFine() {
        // RFC 7643 §3.1: externalId is not unique (the service provider does not enforce it)
        assertThat(server.post("/scim/v2/Users", hr, user("ext1@corp.com", "w-ext")).status()).isEqualTo(201);
        HttpResult r = server.post("/scim/v2/Users", hr, user("ext2@corp.com", "w-ext"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(server.post("/scim/v2/Users", idp, user("ext1@corp.com", "w-ext")).status()).isEqualTo(201);
    }

    @Test
    void malformedJsonIs400InvalidSyntax() {
        HttpResult r = server.post("/scim/v2/Users", hr, "{\"userName\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidSyntax");
    }

    @Test
    void patchReplaceActiveWithStringBooleanAsEntraSends() {
        String id = server.post("/scim/v2/Users", hr, user("entra@corp.com", "w-entra")).jsonBody().get("id").asText();
        HttpResult r = server.patch("/scim/v2/Users/" + id, hr, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.jsonBody().get("active").asBoolean()).isFalse();
        assertThat(r.jsonBody().at("/meta/version").asText()).isEqualTo("W/\"2\"");
    }

    @Test
    void putWithStaleIfMatchIs412AndChangesNothing() {
        String id = server.post("/scim/v2/Users", hr, user("stale@corp.com", "w-stale")).jsonBody().get("id").asText();
        HttpResult r = server.send(server.request("/scim/v2/Users/" + id, hr)
                .header("Content-Type", "application/scim+json").header("If-Match", "W/\"7\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(user("changed@corp.com", "w-stale"))));
        assertThat(r.status()).isEqualTo(412);
        assertThat(server.get("/scim/v2/Users/" + id, hr).jsonBody().get("userName").asText()).isEqualTo("stale@corp.com");
    }

    @Test
    void deleteThenGetIs404() {
        String id = server.post("/scim/v2/Users", hr, user("bye@corp.com", "w-bye")).jsonBody().get("id").asText();
        assertThat(server.delete("/scim/v2/Users/" + id, hr).status()).isEqualTo(204);
        assertThat(server.get("/scim/v2/Users/" + id, hr).status()).isEqualTo(404);
        assertThat(server.delete("/scim/v2/Users/" + id, hr).status()).isEqualTo(404);
    }

    @Test
    void filterByUserNameIsCaseInsensitive() {
        server.post("/scim/v2/Users", hr, user("Find.Me@corp.com", "w-find"));
        HttpResult r = server.get("/scim/v2/Users?filter=" + java.net.URLEncoder.encode("userName eq \"find.me@CORP.com\"",
                java.nio.charset.StandardCharsets.UTF_8), hr);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.jsonBody().get("totalResults").asInt()).isEqualTo(1);
        assertThat(r.jsonBody().at("/Resources/0/userName").asText()).isEqualTo("Find.Me@corp.com");
    }

    @Test
    void badFilterIs400InvalidFilter() {
        HttpResult r = server.get("/scim/v2/Users?filter=" + java.net.URLEncoder.encode("userName xx \"a\"",
                java.nio.charset.StandardCharsets.UTF_8), hr);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidFilter");
    }
}
