package dev.rollcall.scim.resource;

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
 * A bare scalar for a multi-valued attribute ({@code "emails": "nope"}) was stored as a one-element
 * array; it is a 400 invalidValue naming the attribute and nothing changes. The habits real clients
 * have stay accepted: the single-valued enterprise manager as a bare id, emails as an array of strings.
 */
class MultiValuedShapesTest {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[%s]}";

    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder().source("workday", SourceKind.HRIS).build();
    @Token("workday") static String hr;

    @ParameterizedTest
    @ValueSource(strings = {"\"emails\":\"nope\"", "\"phoneNumbers\":5551234", "\"roles\":true", "\"addresses\":\"Main St\""})
    void aBareScalarForAMultiValuedAttributeIsInvalidValueAndWritesNothing(String member) {
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult r = server.post("/scim/v2/Users", hr, "{\"userName\":\"scalar@corp.com\"," + member + "}");

        String attribute = member.substring(1, member.indexOf('"', 1));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(r.jsonBody().get("detail").asText()).contains("'" + attribute + "'").contains("multi-valued");
        assertThat(RowCounts.of(server)).isEqualTo(before);
    }

    @Test
    void aPatchAddingABareStringToEmailsChangesNothing() {
        String id = server.post("/scim/v2/Users", hr, "{\"userName\":\"patch-emails@corp.com\"}").jsonBody().get("id").asText();
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult r = server.patch("/scim/v2/Users/" + id, hr, PATCH.formatted("{\"op\":\"add\",\"path\":\"emails\",\"value\":\"nope\"}"));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(RowCounts.of(server)).isEqualTo(before);
        assertThat(server.get("/scim/v2/Users/" + id, hr).jsonBody().has("emails")).isFalse();
    }

    @Test
    void groupMembersAsABareIdAreInvalidValueOnCreateAndPatch() {
        String user = server.post("/scim/v2/Users", hr, "{\"userName\":\"member@corp.com\"}").jsonBody().get("id").asText();
        String group = server.post("/scim/v2/Groups", hr, "{\"displayName\":\"Scalar members\"}").jsonBody().get("id").asText();
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult create = server.post("/scim/v2/Groups", hr, "{\"displayName\":\"Bare\",\"members\":\"" + user + "\"}");
        HttpResult patch = server.patch("/scim/v2/Groups/" + group, hr,
                PATCH.formatted("{\"op\":\"add\",\"path\":\"members\",\"value\":\"" + user + "\"}"));

        assertThat(create.status()).as(create.body()).isEqualTo(400);
        assertThat(create.jsonBody().get("detail").asText()).contains("'members'");
        assertThat(patch.status()).as(patch.body()).isEqualTo(400);
        assertThat(patch.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(RowCounts.of(server)).isEqualTo(before);
    }

    @Test
    void theHabitsOfRealClientsStayAccepted() {
        HttpResult r = server.post("/scim/v2/Users", hr, "{\"userName\":\"habits@corp.com\",\"emails\":[\"habits@corp.com\"],"
                + "\"phoneNumbers\":{\"value\":\"555\"},\"" + ENTERPRISE + "\":{\"manager\":\"m-42\"}}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode user = r.jsonBody();
        assertThat(user.get("emails").get(0).get("value").asText()).isEqualTo("habits@corp.com");
        assertThat(user.get("phoneNumbers").get(0).get("value").asText()).isEqualTo("555");
        assertThat(user.get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo("m-42");
    }
}
