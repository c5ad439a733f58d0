package dev.rollcall.scim.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /Bulk over HTTP with Users: references, ordering, cycles, failOnErrors and the failure paths. */
class BulkUsersHttpTest {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("salesforce", SourceKind.CRM)
            .env("ROLLCALL_BULK_MAX_OPERATIONS", "10")
            .env("ROLLCALL_MAX_BODY_BYTES", "16384")
            .build();
    @Token("workday") static String hr;
    @Token("salesforce") static String crm;

    static String bulk(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[" + operations + "]}";
    }

    static String bulk(int failOnErrors, String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"failOnErrors\":" + failOnErrors
                + ",\"Operations\":[" + operations + "]}";
    }

    static String postUser(String bulkId, String userName) {
        return postUser(bulkId, userName, null);
    }

    static String postUser(String bulkId, String userName, String manager) {
        String ext = manager == null ? "" : ",\"" + ENTERPRISE + "\":{\"department\":\"R&D\",\"manager\":{\"value\":\"" + manager + "\"}}";
        return """
                {"method":"POST","path":"/Users","bulkId":"%s","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s"%s}}""".formatted(bulkId, userName, ext);
    }

    JsonNode ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/scim+json");
        JsonNode body = r.jsonBody();
        assertThat(body.at("/schemas/0").asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
        return body.get("Operations");
    }

    String idFromLocation(JsonNode op) {
        String location = op.get("location").asText();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    boolean userExists(String token, String userName) {
        String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
        return server.get("/scim/v2/Users?filter=" + filter, token).jsonBody().get("totalResults").asInt() > 0;
    }

    @Test
    void createsUsersAndPatchesAndDeletesThemThroughBulkIdReferences() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                postUser("boss", "boss@corp.com"),
                postUser("emp", "emp@corp.com", "bulkId:boss"),
                """
                {"method":"patch","path":"/Users/bulkId:boss","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"displayName","value":"The Boss"}]}}""",
                postUser("temp", "temp@corp.com"),
                "{\"method\":\"DELETE\",\"path\":\"/Users/bulkId:temp\"}"))));
        assertThat(ops).hasSize(5);
        assertThat(ops.get(0).get("status").asText()).isEqualTo("201");
        assertThat(ops.get(0).get("bulkId").asText()).isEqualTo("boss");
        assertThat(ops.get(0).get("method").asText()).isEqualTo("POST");
        assertThat(ops.get(0).get("version").asText()).isEqualTo("W/\"1\"");
        assertThat(ops.get(0).get("location").asText()).startsWith(server.baseUrl() + "/scim/v2/Users/");
        String bossId = idFromLocation(ops.get(0));
        String empId = idFromLocation(ops.get(1));
        assertThat(ops.get(2).get("method").asText()).isEqualTo("PATCH");
        assertThat(ops.get(2).get("status").asText()).isEqualTo("200");
        assertThat(ops.get(2).get("version").asText()).isEqualTo("W/\"2\"");
        assertThat(ops.get(2).get("location").asText()).endsWith("/Users/" + bossId);
        assertThat(ops.get(4).get("status").asText()).isEqualTo("204");
        assertThat(ops.get(4).has("response")).isFalse();

        JsonNode emp = server.get("/scim/v2/Users/" + empId, hr).jsonBody();
        assertThat(emp.at("/" + ENTERPRISE + "/manager/value").asText()).isEqualTo(bossId);
        assertThat(server.get("/scim/v2/Users/" + bossId, hr).jsonBody().get("displayName").asText()).isEqualTo("The Boss");
        assertThat(userExists(hr, "temp@corp.com")).isFalse();
    }

    @Test
    void anOperationReferringToALaterPostWaitsForItAndResultsKeepRequestOrder() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                """
                {"method":"PUT","path":"/Users/bulkId:late","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"late@corp.com","title":"Replaced"}}""",
                postUser("late", "late@corp.com")))));
        assertThat(ops).hasSize(2);
        assertThat(ops.get(0).get("method").asText()).isEqualTo("PUT");
        assertThat(ops.get(0).get("status").asText()).as(ops.toString()).isEqualTo("200");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("201");
        assertThat(server.get("/scim/v2/Users/" + idFromLocation(ops.get(1)), hr).jsonBody().get("title").asText()).isEqualTo("Replaced");
    }

    @Test
    void circularManagerReferencesAreResolved() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                postUser("a", "circ.a@corp.com", "bulkId:b"),
                postUser("b", "circ.b@corp.com", "bulkId:a")))));
        assertThat(ops.get(0).get("status").asText()).as(ops.toString()).isEqualTo("201");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("201");
        String a = idFromLocation(ops.get(0));
        String b = idFromLocation(ops.get(1));
        JsonNode userA = server.get("/scim/v2/Users/" + a, hr).jsonBody();
        assertThat(userA.at("/" + ENTERPRISE + "/manager/value").asText()).isEqualTo(b);
        assertThat(userA.at("/" + ENTERPRISE + "/department").asText()).isEqualTo("R&D");
        assertThat(ops.get(0).get("version").asText()).isEqualTo(userA.at("/meta/version").asText());
        assertThat(server.get("/scim/v2/Users/" + b, hr).jsonBody().at("/" + ENTERPRISE + "/manager/value").asText()).isEqualTo(a);
    }

    @Test
    void operationsOutsideACycleWaitUntilItsPartlyCreatedUserIsComplete() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                postUser("p", "wait.p@corp.com", "bulkId:q"),
                """
                {"method":"PATCH","path":"/Users/bulkId:p","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"title","value":"Patched"}]}}""",
                postUser("q", "wait.q@corp.com", "bulkId:p")))));
        assertThat(ops.get(1).get("status").asText()).as(ops.toString()).isEqualTo("200");
        assertThat(ops.get(1).get("version").asText()).isEqualTo("W/\"3\"");
        JsonNode p = server.get("/scim/v2/Users/" + idFromLocation(ops.get(0)), hr).jsonBody();
        assertThat(p.get("title").asText()).isEqualTo("Patched");
        assertThat(p.at("/" + ENTERPRISE + "/manager/value").asText()).isEqualTo(idFromLocation(ops.get(2)));
    }

    @Test
    void whenTheOtherSideOfACycleFailsThePartlyCreatedUserIsTakenBack() {
        assertThat(server.post("/scim/v2/Users", hr, "{\"userName\":\"taken@corp.com\"}").status()).isEqualTo(201);
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                postUser("x", "cycle.x@corp.com", "bulkId:y"),
                postUser("y", "taken@corp.com", "bulkId:x")))));
        assertThat(ops.get(1).get("status").asText()).as(ops.toString()).isEqualTo("409");
        assertThat(ops.get(1).at("/response/scimType").asText()).isEqualTo("uniqueness");
        assertThat(ops.get(0).get("status").asText()).isEqualTo("409");
        assertThat(ops.get(0).at("/response/detail").asText()).contains("'y'");
        assertThat(ops.get(0).has("location")).isFalse();
        assertThat(userExists(hr, "cycle.x@corp.com")).isFalse();
    }

    @Test
    void referenceToAPostThatFailedIs409AndOthersStillRun() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"bad\",\"data\":{\"userName\":\"\"}}",
                postUser("sub", "sub@corp.com", "bulkId:bad"),
                postUser("fine", "fine@corp.com")))));
        assertThat(ops.get(0).get("status").asText()).startsWith("4");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("409");
        assertThat(ops.get(1).at("/response/status").asText()).isEqualTo("409");
        assertThat(ops.get(2).get("status").asText()).isEqualTo("201");
        assertThat(userExists(hr, "sub@corp.com")).isFalse();
    }

    @Test
    void unknownBulkIdFailsOnlyThatOperation() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                postUser("known", "known@corp.com", "bulkId:nobody"),
                "{\"method\":\"DELETE\",\"path\":\"/Users/bulkId:ghost\"}",
                postUser("other", "other@corp.com")))));
        assertThat(ops.get(0).get("status").asText()).isEqualTo("400");
        assertThat(ops.get(0).at("/response/scimType").asText()).isEqualTo("invalidValue");
        assertThat(ops.get(0).at("/response/detail").asText()).contains("nobody");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("400");
        assertThat(ops.get(2).get("status").asText()).isEqualTo("201");
        assertThat(userExists(hr, "known@corp.com")).isFalse();
    }

    @Test
    void failOnErrorsStopsAfterThatManyErrorsAndListsOnlyProcessedOperations() {
        assertThat(server.post("/scim/v2/Users", hr, "{\"userName\":\"dup.stop@corp.com\"}").status()).isEqualTo(201);
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(1, String.join(",",
                postUser("s1", "stop1@corp.com"),
                postUser("s2", "dup.stop@corp.com"),
                postUser("s3", "stop3@corp.com")))));
        assertThat(ops).hasSize(2);
        assertThat(ops.get(0).get("status").asText()).isEqualTo("201");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("409");
        assertThat(ops.get(1).get("bulkId").asText()).isEqualTo("s2");
        assertThat(userExists(hr, "stop1@corp.com")).isTrue();
        assertThat(userExists(hr, "stop3@corp.com")).isFalse();
    }

    @Test
    void withoutFailOnErrorsTheOtherOperationsSucceed() {
        assertThat(server.post("/scim/v2/Users", hr, "{\"userName\":\"dup.go@corp.com\"}").status()).isEqualTo(201);
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                postUser("g1", "go1@corp.com"),
                postUser("g2", "dup.go@corp.com"),
                postUser("g3", "go3@corp.com")))));
        assertThat(ops).hasSize(3);
        assertThat(ops.get(1).get("status").asText()).isEqualTo("409");
        assertThat(ops.get(1).at("/response/scimType").asText()).isEqualTo("uniqueness");
        assertThat(ops.get(1).at("/response/schemas/0").asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(ops.get(2).get("status").asText()).isEqualTo("201");
        assertThat(userExists(hr, "go3@corp.com")).isTrue();
    }

    @Test
    void failOnErrorsOfZeroIsValidAndMeansNoLimit() {
        // RFC 7644 §3.7: an integer; stopping "after 0 errors" would run nothing, so 0 is no limit
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(0, String.join(",",
                "{\"method\":\"DELETE\",\"path\":\"/Users/no-such-zero\"}",
                "{\"method\":\"DELETE\",\"path\":\"/Users/no-such-zero-2\"}",
                postUser("z3", "zero3@corp.com")))));
        assertThat(ops).hasSize(3);
        assertThat(ops.get(0).get("status").asText()).isEqualTo("404");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("404");
        assertThat(ops.get(2).get("status").asText()).isEqualTo("201");
        assertThat(userExists(hr, "zero3@corp.com")).isTrue();
    }

    @Test
    void failOnErrorsOfTwoToleratesOneError() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(2, String.join(",",
                "{\"method\":\"DELETE\",\"path\":\"/Users/no-such-id\"}",
                postUser("t2", "tolerate2@corp.com"),
                "{\"method\":\"DELETE\",\"path\":\"/Users/no-such-id-2\"}",
                postUser("t4", "tolerate4@corp.com")))));
        assertThat(ops).hasSize(3);
        assertThat(ops.get(0).get("status").asText()).isEqualTo("404");
        assertThat(ops.get(0).get("location").asText()).endsWith("/Users/no-such-id");
        assertThat(userExists(hr, "tolerate4@corp.com")).isFalse();
    }

    @Test
    void versionIsCheckedAsIfMatch() {
        String id = server.post("/scim/v2/Users", hr, "{\"userName\":\"versioned@corp.com\"}").jsonBody().get("id").asText();
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                "{\"method\":\"DELETE\",\"path\":\"/Users/" + id + "\",\"version\":\"W/\\\"9\\\"\"}",
                "{\"method\":\"PATCH\",\"path\":\"/Users/" + id + "\",\"version\":\"W/\\\"1\\\"\",\"data\":"
                        + "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"Checked\"}]}}"))));
        assertThat(ops.get(0).get("status").asText()).isEqualTo("412");
        assertThat(ops.get(1).get("status").asText()).isEqualTo("200");
        assertThat(server.get("/scim/v2/Users/" + id, hr).jsonBody().get("title").asText()).isEqualTo("Checked");
    }

    @Test
    void anotherSourcesUserIsNotFoundInBulk() {
        String id = server.post("/scim/v2/Users", hr, "{\"userName\":\"mine@corp.com\"}").jsonBody().get("id").asText();
        JsonNode ops = ok(server.post("/scim/v2/Bulk", crm, bulk("{\"method\":\"DELETE\",\"path\":\"/Users/" + id + "\"}")));
        assertThat(ops.get(0).get("status").asText()).isEqualTo("404");
        assertThat(server.get("/scim/v2/Users/" + id, hr).status()).isEqualTo(200);
    }

    @Test
    void malformedOperationsFailThemselvesOnly() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, bulk(String.join(",",
                "{\"method\":\"GET\",\"path\":\"/Users\"}",
                "{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{\"userName\":\"nobulkid@corp.com\"}}",
                "{\"method\":\"POST\",\"path\":\"/Widgets\",\"bulkId\":\"w\",\"data\":{}}",
                "{\"method\":\"PUT\",\"path\":\"/Users\",\"data\":{}}",
                "{\"method\":\"PATCH\",\"path\":\"/Users/x\"}",
                "42",
                postUser("dup", "dup1@corp.com"),
                postUser("dup", "dup2@corp.com"),
                postUser("good", "good@corp.com")))));
        assertThat(ops).hasSize(9);
        assertThat(ops.get(0).at("/response/scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(ops.get(1).at("/response/detail").asText()).contains("bulkId");
        assertThat(ops.get(2).at("/response/scimType").asText()).isEqualTo("invalidPath");
        assertThat(ops.get(3).at("/response/scimType").asText()).isEqualTo("invalidPath");
        assertThat(ops.get(4).at("/response/scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(ops.get(5).get("status").asText()).isEqualTo("400");
        assertThat(ops.get(6).get("status").asText()).isEqualTo("201");
        assertThat(ops.get(7).at("/response/scimType").asText()).isEqualTo("invalidValue");
        assertThat(ops.get(8).get("status").asText()).isEqualTo("201");
        assertThat(userExists(hr, "nobulkid@corp.com")).isFalse();
        assertThat(userExists(hr, "dup2@corp.com")).isFalse();
    }

    @Test
    void moreOperationsThanAllowedIs413NamingTheLimitAndChangesNothing() {
        StringBuilder ops = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            ops.append(i == 0 ? "" : ",").append(postUser("m" + i, "many" + i + "@corp.com"));
        }
        HttpResult r = server.post("/scim/v2/Bulk", hr, bulk(ops.toString()));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("413");
        assertThat(r.jsonBody().get("detail").asText()).contains("10");
        assertThat(userExists(hr, "many0@corp.com")).isFalse();
    }

    @Test
    void payloadOverTheLimitIs413() {
        String big = "x".repeat(17_000);
        HttpResult r = server.post("/scim/v2/Bulk", hr, bulk(
                "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"big\",\"data\":{\"userName\":\"big@corp.com\",\"title\":\"" + big + "\"}}"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("413");
        assertThat(userExists(hr, "big@corp.com")).isFalse();
    }

    @Test
    void malformedBulkRequestsAre400InvalidSyntax() {
        for (String body : new String[] {
                "{\"Operations\": [",
                "[]",
                "{\"Operations\":[]}",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]}",
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":{}}"}) {
            HttpResult r = server.post("/scim/v2/Bulk", hr, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.jsonBody().get("scimType").asText()).as(body).isEqualTo("invalidSyntax");
        }
    }

    @Test
    void badFailOnErrorsIs400InvalidValue() {
        for (String bad : new String[] {"-1", "1.5", "\"many\"", "true", "\"-2\""}) {
            HttpResult r = server.post("/scim/v2/Bulk", hr, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                    + "\"failOnErrors\":" + bad + ",\"Operations\":[" + postUser("f", "failzero@corp.com") + "]}");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        }
        assertThat(userExists(hr, "failzero@corp.com")).isFalse();
    }

    @Test
    void failOnErrorsSentAsAStringIsAccepted() {
        JsonNode ops = ok(server.post("/scim/v2/Bulk", hr, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                + "\"failOnErrors\":\"1\",\"Operations\":[{\"method\":\"DELETE\",\"path\":\"/Users/none\"},"
                + postUser("str", "string.foe@corp.com") + "]}"));
        assertThat(ops).hasSize(1);
        assertThat(userExists(hr, "string.foe@corp.com")).isFalse();
    }

    @Test
    void bulkNeedsASourceToken() {
        HttpResult r = server.post("/scim/v2/Bulk", null, bulk(postUser("n", "noauth@corp.com")));
        assertThat(r.status()).isEqualTo(401);
    }
}
