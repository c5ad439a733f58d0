package dev.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A body that is not JSON is a 400 invalidSyntax (SCIM) or problem details (admin) that says what is
 * wrong in plain words — never Jackson's class or setting names — and nothing is written.
 */
class InvalidJsonBodiesTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).adminToken("it", AdminScope.WRITE).build();
    @Token("workday") static String hr;
    @Token("it") static String admin;

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{\"userName\":\"json@corp.com\"", "ends before"),
                Arguments.of("[".repeat(1500) + "]".repeat(1500), "nests deeper than 1000 levels"),
                Arguments.of("{\"userName\":\"json@corp.com\",\"x\":" + "1".repeat(1500) + "}", "number is longer than 1000"),
                Arguments.of("{\"userName\":\"json@corp.com\"} {}", "more after the first JSON value"),
                Arguments.of("{\"userName\":\"json@corp.com\",\"userName\":\"b\"}", "'userName' appears twice"),
                Arguments.of("{\"userName\":}", "Unexpected character"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void aScimBodyThatIsNotJsonIsInvalidSyntaxInPlainWords(String body, String says) {
        for (HttpResult r : new HttpResult[]{server.post("/scim/v2/Users", hr, body),
                server.post("/scim/v2/Bulk", hr, body), server.post("/scim/v2/Groups", hr, body)}) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidSyntax");
            assertPlain(r.jsonBody().get("detail").asText(), says);
        }
        assertThat(server.get("/scim/v2/Users?filter=userName%20eq%20%22json@corp.com%22", hr)
                .jsonBody().get("totalResults").asInt()).isZero();
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void anAdminBodyThatIsNotJsonIsProblemDetailsInPlainWords(String body, String says) {
        HttpResult r = server.post("/api/v1/sources", admin, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertPlain(r.jsonBody().get("detail").asText(), says);
    }

    private static void assertPlain(String detail, String says) {
        assertThat(detail).startsWith("the request body is not valid JSON: ").contains(says)
                .doesNotContain("`", "Jackson", "jackson", "StreamRead", "Feature", "REDACTED", "JsonNode", "com.");
    }
}
