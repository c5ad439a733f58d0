package dev.rollcall.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import dev.rollcall.testing.RowCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys are stored in 255-character columns (case-insensitive ones also case-folded): a longer value
 * was a 500 (and a Bulk operation's status 500); it is a 400 invalidValue naming the attribute, on
 * every write path, and nothing is written. Values that fit, counted in characters, are kept.
 */
class StoredKeyLengthsTest {
    static final String LIFECYCLE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** 'İ' (U+0130) folds to "i̇", two characters. */
    static final String DOTTED_I = "\u0130";

    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder().source("workday", SourceKind.HRIS).build();
    @Token("workday") static String hr;

    @ParameterizedTest
    @ValueSource(strings = {"userName", "externalId", "workerId", "employeeNumber"})
    void aKeyOver255CharactersIsInvalidValueNamingItAndWritesNothing(String attribute) {
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult r = server.post("/scim/v2/Users", hr, user(attribute, "k".repeat(256)));

        assertInvalidValue(r, attribute, "longer than 255 characters");
        assertThat(RowCounts.of(server)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName", "externalId", "workerId", "employeeNumber"})
    void aKeyOf255CharactersIsKept(String attribute) {
        String value = attribute.charAt(0) + "x".repeat(254);
        HttpResult r = server.post("/scim/v2/Users", hr, user(attribute, value));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void aUserNameThatOutgrowsItsColumnOnceCaseFoldedIsInvalidValue() {
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult r = server.post("/scim/v2/Users", hr, "{\"userName\":\"" + DOTTED_I.repeat(128) + "\"}");

        assertInvalidValue(r, "userName", "once case-folded");
        assertThat(RowCounts.of(server)).isEqualTo(before);
        assertThat(server.post("/scim/v2/Users", hr, "{\"userName\":\"" + DOTTED_I.repeat(127) + "\"}").status()).isEqualTo(201);
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        HttpResult r = server.post("/scim/v2/Users", hr, "{\"userName\":\"" + "\uD83D\uDE00".repeat(255) + "\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void replaceAndPatchRefuseAnOverlongKeyAndChangeNothing() {
        String id = server.post("/scim/v2/Users", hr, "{\"userName\":\"short@corp.com\"}").jsonBody().get("id").asText();
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult put = server.put("/scim/v2/Users/" + id, hr, "{\"userName\":\"" + "p".repeat(300) + "\"}");
        HttpResult patch = server.patch("/scim/v2/Users/" + id, hr, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"externalId\",\"value\":\"" + "e".repeat(300) + "\"}]}");

        assertInvalidValue(put, "userName", "longer than 255");
        assertInvalidValue(patch, "externalId", "longer than 255");
        assertThat(RowCounts.of(server)).isEqualTo(before);
        assertThat(server.get("/scim/v2/Users/" + id, hr).jsonBody().get("userName").asText()).isEqualTo("short@corp.com");
    }

    @Test
    void aBulkOperationWithAnOverlongKeyFailsAlone() {
        HttpResult r = server.post("/scim/v2/Bulk", hr, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"POST","path":"/Users","bulkId":"long","data":{"userName":"%s"}},
                 {"method":"POST","path":"/Users","bulkId":"fine","data":{"userName":"bulk-fine@corp.com"}}]}"""
                .formatted("b".repeat(256)));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode long0 = r.jsonBody().get("Operations").get(0);
        assertThat(long0.get("status").asText()).isEqualTo("400");
        assertThat(long0.get("response").get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(long0.get("response").get("detail").asText()).contains("'userName'");
        assertThat(r.jsonBody().get("Operations").get(1).get("status").asText()).isEqualTo("201");
    }

    @Test
    void aGroupDisplayNameThatOutgrowsItsColumnOnceCaseFoldedIsInvalidValue() {
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult folded = server.post("/scim/v2/Groups", hr, "{\"displayName\":\"" + DOTTED_I.repeat(128) + "\"}");
        HttpResult plain = server.post("/scim/v2/Groups", hr, "{\"displayName\":\"" + "g".repeat(256) + "\"}");

        assertInvalidValue(folded, "displayName", "once case-folded");
        assertInvalidValue(plain, "displayName", "longer than 255");
        assertThat(RowCounts.of(server)).isEqualTo(before);
    }

    private static String user(String attribute, String value) {
        return switch (attribute) {
            case "userName" -> "{\"userName\":\"" + value + "\"}";
            case "externalId" -> "{\"userName\":\"ext-" + value.hashCode() + "\",\"externalId\":\"" + value + "\"}";
            case "workerId" -> "{\"userName\":\"wid-" + value.hashCode() + "\",\"" + LIFECYCLE + "\":{\"workerId\":\"" + value + "\"}}";
            default -> "{\"userName\":\"emp-" + value.hashCode() + "\",\"" + ENTERPRISE + "\":{\"employeeNumber\":\"" + value + "\"}}";
        };
    }

    private static void assertInvalidValue(HttpResult r, String attribute, String says) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(r.jsonBody().get("detail").asText()).contains(attribute + "'").contains(says);
    }
}
