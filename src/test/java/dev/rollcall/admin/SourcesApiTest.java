package dev.rollcall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SourcesApiTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .adminToken("it-writer", AdminScope.WRITE)
            .adminToken("it-reader", AdminScope.READ)
            .build();
    @Token("it-writer") static String writer;
    @Token("it-reader") static String reader;

    static HttpResult create(String name, String kind) {
        return server.post("/api/v1/sources", writer, "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}");
    }

    static void assertProblem(HttpResult r, int status, String detailFragment) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonBody().get("status").asInt()).isEqualTo(status);
        assertThat(r.jsonBody().get("detail").asText()).contains(detailFragment);
    }

    @Test
    void createdSourceReturnsItsTokenOnceAndTheTokenWorksForScim() {
        HttpResult r = create("workday", "hris");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).hasValue(server.baseUrl() + "/api/v1/sources/workday");
        JsonNode body = r.jsonBody();
        assertThat(body.get("kind").asText()).isEqualTo("hris");
        assertThat(body.get("mayCreatePersons").asBoolean()).isTrue();
        String token = body.at("/token/token").asText();
        assertThat(token).startsWith("rc_src_");
        assertThat(server.get("/scim/v2/Users", token).status()).isEqualTo(200);

        HttpResult again = server.get("/api/v1/sources/workday", reader);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).doesNotContain(token).doesNotContain("hash");
        assertThat(again.jsonBody().get("tokens")).hasSize(1);
        assertThat(again.jsonBody().at("/tokens/0/id").asText()).isEqualTo(body.at("/token/id").asText());
        assertThat(again.jsonBody().at("/tokens/0/revokedAt").isNull()).isTrue();
    }

    @Test
    void idpSourcesDoNotCreatePersonsUnlessToldTo() {
        assertThat(create("okta", "idp").jsonBody().get("mayCreatePersons").asBoolean()).isFalse();
        HttpResult r = server.post("/api/v1/sources", writer, "{\"name\":\"entra\",\"kind\":\"idp\",\"mayCreatePersons\":true}");
        assertThat(r.jsonBody().get("mayCreatePersons").asBoolean()).isTrue();
    }

    @Test
    void listShowsEverySourceWithItsActiveTokenCount() {
        create("salesforce", "crm");
        HttpResult r = server.get("/api/v1/sources", reader);
        assertThat(r.status()).isEqualTo(200);
        JsonNode sf = null;
        for (JsonNode s : r.jsonBody().get("items")) {
            if (s.get("name").asText().equals("salesforce")) {
                sf = s;
            }
        }
        assertThat(sf).isNotNull();
        assertThat(sf.get("kind").asText()).isEqualTo("crm");
        assertThat(sf.get("activeTokens").asInt()).isEqualTo(1);
        assertThat(sf.has("tokens")).isFalse();
    }

    @Test
    void rotationAllowsTwoActiveTokensAndRefusesAThird() {
        String first = create("bamboo", "hris").jsonBody().at("/token/token").asText();
        HttpResult second = server.post("/api/v1/sources/bamboo/tokens", writer, "{\"name\":\"bamboo-2026\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.jsonBody().get("name").asText()).isEqualTo("bamboo-2026");
        String secondToken = second.jsonBody().get("token").asText();
        assertThat(server.get("/scim/v2/Users", first).status()).isEqualTo(200);
        assertThat(server.get("/scim/v2/Users", secondToken).status()).isEqualTo(200);

        assertProblem(server.post("/api/v1/sources/bamboo/tokens", writer, ""), 409, "already has 2 active tokens");

        String firstId = server.get("/api/v1/sources/bamboo", reader).jsonBody().at("/tokens/0/id").asText();
        HttpResult revoke = server.delete("/api/v1/sources/bamboo/tokens/" + firstId, writer);
        assertThat(revoke.status()).as(revoke.body()).isEqualTo(204);
        assertThat(server.get("/scim/v2/Users", first).status()).as("revoked at once, despite the cache").isEqualTo(401);
        assertThat(server.get("/scim/v2/Users", secondToken).status()).isEqualTo(200);

        HttpResult third = server.post("/api/v1/sources/bamboo/tokens", writer, "");
        assertThat(third.status()).as("one slot is free again").isEqualTo(201);
        assertThat(third.jsonBody().get("name").asText()).isEqualTo("bamboo-3");

        JsonNode tokens = server.get("/api/v1/sources/bamboo", reader).jsonBody().get("tokens");
        assertThat(tokens).hasSize(3);
        assertThat(tokens.get(0).get("revokedAt").asText()).isNotBlank();
        assertThat(tokens.get(0).get("active").asBoolean()).isFalse();
    }

    @Test
    void revokingTwiceIsHarmlessAndUnknownTokensAre404() {
        create("dynamics", "crm");
        String id = server.get("/api/v1/sources/dynamics", reader).jsonBody().at("/tokens/0/id").asText();
        assertThat(server.delete("/api/v1/sources/dynamics/tokens/" + id, writer).status()).isEqualTo(204);
        assertThat(server.delete("/api/v1/sources/dynamics/tokens/" + id, writer).status()).isEqualTo(204);
        assertProblem(server.delete("/api/v1/sources/dynamics/tokens/999999", writer), 404, "has no token");
        assertProblem(server.delete("/api/v1/sources/dynamics/tokens/abc", writer), 404, "has no token");
        String otherId = create("sap", "hris").jsonBody().at("/token/id").asText();
        assertProblem(server.delete("/api/v1/sources/dynamics/tokens/" + otherId, writer), 404,
                "has no token");
        assertThat(server.get("/api/v1/sources/sap", reader).jsonBody().at("/tokens/0/active").asBoolean())
                .as("another source's token is untouched").isTrue();
    }

    @Test
    void unknownSourceIs404() {
        assertProblem(server.get("/api/v1/sources/nope", reader), 404, "no source named 'nope'");
        assertProblem(server.post("/api/v1/sources/nope/tokens", writer, "{}"), 404, "no source named 'nope'");
        assertProblem(server.delete("/api/v1/sources/nope/tokens/1", writer), 404, "no source named 'nope'");
    }

    @Test
    void badInputIs400AndChangesNothing() {
        assertProblem(server.post("/api/v1/sources", writer, "{\"name\":"), 400, "not valid JSON");
        assertProblem(server.post("/api/v1/sources", writer, "[]"), 400, "must be a JSON object");
        assertProblem(server.post("/api/v1/sources", writer, ""), 400, "empty");
        assertProblem(server.post("/api/v1/sources", writer, "{\"kind\":\"hris\"}"), 400, "'name' is required");
        assertProblem(server.post("/api/v1/sources", writer, "{\"name\":\"x1\"}"), 400, "'kind' is required");
        assertProblem(create("x2", "ldap"), 400, "'kind' must be hris, idp or crm");
        assertProblem(create("bad name", "hris"), 400, "a name is 1-100");
        assertProblem(server.post("/api/v1/sources", writer, "{\"name\":\"x3\",\"kind\":\"hris\",\"mayCreatePersons\":\"yes\"}"),
                400, "'mayCreatePersons' must be true or false");
        assertProblem(server.post("/api/v1/sources", writer, "{\"name\":\"x4\",\"kind\":\"hris\",\"colour\":\"red\"}"),
                400, "unknown member 'colour'");
        assertProblem(server.post("/api/v1/sources", writer, "{\"name\":7,\"kind\":\"hris\"}"), 400, "'name' must be a string");
        HttpResult xml = server.send(server.request("/api/v1/sources", writer).header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<source/>")));
        assertProblem(xml, 415, "unsupported media type");
        for (String name : new String[] {"x1", "x2", "x3", "x4"}) {
            assertThat(server.get("/api/v1/sources/" + name, reader).status()).isEqualTo(404);
        }
    }

    @Test
    void duplicateNameIs409() {
        create("adp", "hris");
        assertProblem(create("adp", "crm"), 409, "already exists");
    }

    @Test
    void readTokensCannotWriteAndSourceTokensCannotUseTheAdminApi() {
        assertProblem(server.post("/api/v1/sources", reader, "{\"name\":\"r1\",\"kind\":\"hris\"}"), 403, "admin:write");
        assertProblem(server.post("/api/v1/sources/workday/tokens", reader, "{}"), 403, "admin:write");
        assertProblem(server.delete("/api/v1/sources/workday/tokens/1", reader), 403, "admin:write");
        String sourceToken = server.addSource("scim-only", SourceKind.IDP);
        assertProblem(server.get("/api/v1/sources", sourceToken), 403, "admin token");
        assertProblem(server.get("/api/v1/sources", null), 401, "bearer token");
        assertThat(server.get("/api/v1/sources", writer).status()).as("write includes read").isEqualTo(200);
    }

    @Test
    void everyChangeIsAudited() {
        create("audited", "hris");
        server.post("/api/v1/sources/audited/tokens", writer, "{}");
        String id = server.get("/api/v1/sources/audited", reader).jsonBody().at("/tokens/0/id").asText();
        server.delete("/api/v1/sources/audited/tokens/" + id, writer);
        var audit = server.services().database().dsl().fetch(
                "select action, actor, target_id from audit where action like 'source%' and actor = 'admin:it-writer' order by seq");
        assertThat(audit.getValues("action", String.class)).contains("source.create", "source.token.issue", "source.token.revoke");
        assertThat(audit.getValues("target_id", String.class)).contains(id);
    }

    @Test
    void concurrentRegistrationsOfOneNameGiveOne201AndOnly409s() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<HttpResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> create("racer", "hris")));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpResult> f : results) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void crmSourcesDoNotAssertWorkerIdsUnlessToldAndPatchChangesItAudited() {
        assertThat(create("hr-trust", "hris").jsonBody().get("assertsWorkerIds").asBoolean()).isTrue();
        assertThat(create("idp-trust", "idp").jsonBody().get("assertsWorkerIds").asBoolean()).isTrue();
        assertThat(create("crm-trust", "crm").jsonBody().get("assertsWorkerIds").asBoolean()).isFalse();
        assertThat(server.post("/api/v1/sources", writer, "{\"name\":\"crm-told\",\"kind\":\"crm\",\"assertsWorkerIds\":true}")
                .jsonBody().get("assertsWorkerIds").asBoolean()).isTrue();

        HttpResult patched = server.patch("/api/v1/sources/crm-trust", writer, "{\"assertsWorkerIds\":true}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.jsonBody().get("assertsWorkerIds").asBoolean()).isTrue();
        assertThat(patched.jsonBody().get("tokens")).hasSize(1);
        assertThat(server.get("/api/v1/sources/crm-trust", reader).jsonBody().get("assertsWorkerIds").asBoolean()).isTrue();
        // the same value again changes nothing and audits nothing
        assertThat(server.patch("/api/v1/sources/crm-trust", writer, "{\"assertsWorkerIds\":true}").status()).isEqualTo(200);
        var audit = server.services().database().dsl().fetch("select cast(before_state as char) b, cast(after_state as char) a"
                + " from audit where action = 'source.update' and actor = 'admin:it-writer' order by seq");
        assertThat(audit).hasSize(1);
        assertThat(server.parse(audit.get(0).get("b", String.class)).get("assertsWorkerIds").asBoolean()).isFalse();
        assertThat(server.parse(audit.get(0).get("a", String.class)).get("assertsWorkerIds").asBoolean()).isTrue();
    }

    @Test
    void refusedSourceChangesAre4xxAndChangeNothing() {
        create("crm-fixed", "crm");
        assertProblem(server.patch("/api/v1/sources/crm-fixed", writer, "{\"assertsWorkerIds\":\"yes\"}"), 400, "true or false");
        assertProblem(server.patch("/api/v1/sources/crm-fixed", writer, "{}"), 400, "assertsWorkerIds");
        assertProblem(server.patch("/api/v1/sources/crm-fixed", writer, "{\"kind\":\"hris\"}"), 400, "unknown member");
        assertProblem(server.patch("/api/v1/sources/crm-fixed", writer, "[true]"), 400, "JSON object");
        assertProblem(server.patch("/api/v1/sources/crm-fixed", reader, "{\"assertsWorkerIds\":true}"), 403, "admin:write");
        assertProblem(server.patch("/api/v1/sources/no-such", writer, "{\"assertsWorkerIds\":true}"), 404, "no-such");
        assertThat(server.get("/api/v1/sources/crm-fixed", reader).jsonBody().get("assertsWorkerIds").asBoolean()).isFalse();
        assertThat(server.services().database().dsl().fetchCount(org.jooq.impl.DSL.table("audit"),
                org.jooq.impl.DSL.field("action").eq("source.update")
                        .and(org.jooq.impl.DSL.field("target_id").eq(org.jooq.impl.DSL.select(
                                org.jooq.impl.DSL.field("cast(id as char)")).from("source").where("name = 'crm-fixed'"))))).isZero();
    }

    @Test
    void unknownRoutesAndMethodsAnswerProblemDetails() {
        assertProblem(server.get("/api/v1/nothing-here", reader), 404, "no such resource");
        HttpResult wrongMethod = server.put("/api/v1/sources", writer, "{}");
        assertProblem(wrongMethod, 405, "method not allowed");
        assertThat(wrongMethod.header("Allow")).isPresent();
    }
}
