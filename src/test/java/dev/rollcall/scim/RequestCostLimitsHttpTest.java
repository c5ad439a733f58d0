package dev.rollcall.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What one request may ask of the server is bounded, and a request over a bound is told which. */
class RequestCostLimitsHttpTest {
    static final int PATCH_MAX = 40;
    static final int VALUES_MAX = 30;
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .env("ROLLCALL_PATCH_MAX_OPERATIONS", Integer.toString(PATCH_MAX))
            .env("ROLLCALL_MAX_VALUES_PER_ATTRIBUTE", Integer.toString(VALUES_MAX))
            .source("hr-limits", SourceKind.HRIS)
            .build();
    @Token("hr-limits") static String hr;

    static String patch(int operations, IntFunction<String> operation) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + IntStream.range(0, operations).mapToObj(operation).collect(Collectors.joining(",")) + "]}";
    }

    static String id(HttpResult created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.jsonBody().get("id").asText();
    }

    static void assertInvalidValueNaming(HttpResult r, String... words) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode body = r.jsonBody();
        assertThat(body.get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(body.get("detail").asText()).contains(words);
    }

    @Test
    void aPatchWithMoreOperationsThanTheLimitIsRefusedForUsersAndGroups() {
        String user = id(server.post("/scim/v2/Users", hr, "{\"userName\":\"many-ops@corp.example\"}"));
        IntFunction<String> rename = i -> "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"N" + i + "\"}";
        assertInvalidValueNaming(server.patch("/scim/v2/Users/" + user, hr, patch(PATCH_MAX + 1, rename)),
                Integer.toString(PATCH_MAX + 1), "at most " + PATCH_MAX);
        assertThat(server.patch("/scim/v2/Users/" + user, hr, patch(PATCH_MAX, rename)).status()).isEqualTo(200);

        String group = id(server.post("/scim/v2/Groups", hr, "{\"displayName\":\"Many ops\"}"));
        IntFunction<String> add = i -> "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user + "\"}]}";
        assertInvalidValueNaming(server.patch("/scim/v2/Groups/" + group, hr, patch(PATCH_MAX + 1, add)),
                "at most " + PATCH_MAX);
        assertThat(server.patch("/scim/v2/Groups/" + group, hr, patch(PATCH_MAX, add)).status()).isIn(200, 204);
    }

    static String emails(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"value\":\"e" + i + "@corp.example\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void moreValuesThanTheLimitInOneAttributeAreRefusedOnCreateReplaceAndPatch() {
        assertInvalidValueNaming(server.post("/scim/v2/Users", hr,
                "{\"userName\":\"lots@corp.example\",\"emails\":" + emails(VALUES_MAX + 1) + "}"),
                "emails", "at most " + VALUES_MAX);
        String user = id(server.post("/scim/v2/Users", hr,
                "{\"userName\":\"enough@corp.example\",\"emails\":" + emails(VALUES_MAX) + "}"));
        assertInvalidValueNaming(server.put("/scim/v2/Users/" + user, hr,
                "{\"userName\":\"enough@corp.example\",\"emails\":" + emails(VALUES_MAX + 1) + "}"), "emails");
        assertInvalidValueNaming(server.patch("/scim/v2/Users/" + user, hr, patch(1,
                i -> "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"one-more@corp.example\"}]}")),
                "emails", "at most " + VALUES_MAX);
        assertThat(server.get("/scim/v2/Users/" + user, hr).jsonBody().get("emails")).hasSize(VALUES_MAX);
    }

    static String substringFilter(int terms) {
        return IntStream.range(0, terms).mapToObj(i -> "emails.value co \"x" + i + "\"").collect(Collectors.joining(" or "));
    }

    @Test
    void aFilterCostingMoreThanTheLimitIsRefusedAsTooManyBeforeItRuns() {
        // the filter: 200 substring tests (cost 2000; the default limit is 100)
        HttpResult refused = server.send(server.request("/scim/v2/Users?filter="
                + java.net.URLEncoder.encode(substringFilter(200), java.nio.charset.StandardCharsets.UTF_8), hr).GET());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.jsonBody().get("scimType").asText()).isEqualTo("tooMany");
        assertThat(refused.jsonBody().get("detail").asText()).contains("2000", "at most 100");

        HttpResult searched = server.post("/scim/v2/.search", hr, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"" + substringFilter(11).replace("\"", "\\\"") + "\"}");
        assertThat(searched.status()).as(searched.body()).isEqualTo(400);
        assertThat(searched.jsonBody().get("scimType").asText()).isEqualTo("tooMany");

        HttpResult accepted = server.send(server.request("/scim/v2/Groups?filter="
                + java.net.URLEncoder.encode("displayName co \"x\" or " + substringFilter(9).replace("emails.value", "displayName"),
                java.nio.charset.StandardCharsets.UTF_8), hr).GET());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }
}
