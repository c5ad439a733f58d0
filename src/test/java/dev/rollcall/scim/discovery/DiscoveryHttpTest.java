package dev.rollcall.scim.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.schema.SchemaUris;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Discovery and /Me over real HTTP on the real server. */
class DiscoveryHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta-discovery", SourceKind.IDP)
            .env("ROLLCALL_BULK_MAX_OPERATIONS", "321")
            .env("ROLLCALL_MAX_BODY_BYTES", "2097152")
            .env("ROLLCALL_FILTER_MAX_RESULTS", "123")
            .build();
    @Token("okta-discovery") static String token;

    @Test
    void serviceProviderConfigCarriesConfiguredLimitsAndAbsoluteLocation() {
        HttpResult r = ok("/scim/v2/ServiceProviderConfig");
        JsonNode spc = r.jsonBody();

        assertThat(spc.get("schemas").get(0).asText()).isEqualTo(SchemaUris.SERVICE_PROVIDER_CONFIG);
        assertThat(spc.at("/bulk/maxOperations").asInt()).isEqualTo(321);
        assertThat(spc.at("/bulk/maxPayloadSize").asInt()).isEqualTo(2_097_152);
        assertThat(spc.at("/filter/maxResults").asInt()).isEqualTo(123);
        assertThat(spc.at("/patch/supported").asBoolean()).isTrue();
        assertThat(spc.at("/authenticationSchemes/0/type").asText()).isEqualTo("oauthbearertoken");
        assertThat(spc.at("/meta/location").asText()).isEqualTo(server.scimUrl() + "/ServiceProviderConfig");
    }

    @Test
    void resourceTypesAreAListResponseOfUserAndGroup() {
        JsonNode list = ok("/scim/v2/ResourceTypes").jsonBody();

        assertThat(list.get("schemas").get(0).asText()).isEqualTo(SchemaUris.LIST_RESPONSE);
        assertThat(list.get("totalResults").asInt()).isEqualTo(2);
        assertThat(list.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.get("Resources")).extracting(t -> t.get("id").asText()).containsExactly("User", "Group");
    }

    @Test
    void userResourceTypeIsServedWithItsLocation() {
        JsonNode user = ok("/scim/v2/ResourceTypes/User").jsonBody();

        assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.get("schemaExtensions")).extracting(e -> e.get("schema").asText())
                .containsExactly(SchemaUris.ENTERPRISE_USER, SchemaUris.LIFECYCLE_USER);
        assertThat(user.at("/meta/location").asText()).isEqualTo(server.scimUrl() + "/ResourceTypes/User");
        assertThat(ok("/scim/v2/ResourceTypes/Group").jsonBody().get("schema").asText()).isEqualTo(SchemaUris.GROUP);
    }

    @Test
    void unknownResourceTypeIs404ScimError() {
        assertScimError(server.get("/scim/v2/ResourceTypes/Device", token), 404);
    }

    @Test
    void schemasAreAListResponseOfAllFourSchemas() {
        JsonNode list = ok("/scim/v2/Schemas").jsonBody();

        assertThat(list.get("totalResults").asInt()).isEqualTo(4);
        assertThat(list.get("Resources")).extracting(s -> s.get("id").asText()).containsExactly(
                SchemaUris.USER, SchemaUris.GROUP, SchemaUris.ENTERPRISE_USER, SchemaUris.LIFECYCLE_USER);
    }

    @Test
    void schemaIsServedByItsUrn() {
        JsonNode lifecycle = ok("/scim/v2/Schemas/" + SchemaUris.LIFECYCLE_USER).jsonBody();

        assertThat(lifecycle.get("id").asText()).isEqualTo(SchemaUris.LIFECYCLE_USER);
        assertThat(lifecycle.get("attributes")).extracting(a -> a.get("name").asText()).contains("workerId", "personId");
        assertThat(lifecycle.at("/meta/location").asText())
                .isEqualTo(server.scimUrl() + "/Schemas/" + SchemaUris.LIFECYCLE_USER);
    }

    @Test
    void unknownSchemaIs404ScimError() {
        assertScimError(server.get("/scim/v2/Schemas/urn:example:nothing", token), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/ResourceTypes/User",
            "/scim/v2/Schemas", "/scim/v2/Schemas/" + SchemaUris.USER})
    void everyDiscoveryEndpointRequiresAToken(String path) {
        assertScimError(server.get(path, null), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/Schemas"})
    void filterOnDiscoveryIsForbidden(String path) {
        String filter = URLEncoder.encode("name eq \"User\"", StandardCharsets.UTF_8);
        assertScimError(server.get(path + "?filter=" + filter, token), 403);
    }

    @Test
    void pagingParametersOnDiscoveryAreIgnored() {
        JsonNode list = ok("/scim/v2/Schemas?startIndex=3&count=1&sortBy=name").jsonBody();

        assertThat(list.get("totalResults").asInt()).isEqualTo(4);
        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.get("Resources")).hasSize(4);
    }

    @Test
    void clientsAcceptingOnlyApplicationJsonStillGetScimJson() {
        HttpResult r = server.send(server.request("/scim/v2/ServiceProviderConfig", token)
                .header("Accept", "application/json").GET());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/scim+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE"})
    void meIsNotImplementedForEveryMethod(String method) {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"" + SchemaUris.USER + "\"],\"userName\":\"me\"}");
        HttpResult r = server.send(server.request("/scim/v2/Me", token)
                .header("Content-Type", "application/scim+json").method(method, body));

        assertScimError(r, 501);
    }

    @Test
    void meRequiresATokenFirst() {
        assertScimError(server.get("/scim/v2/Me", null), 401);
    }

    private static HttpResult ok(String path) {
        HttpResult r = server.get(path, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/scim+json");
        return r;
    }

    private static void assertScimError(HttpResult r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/scim+json");
        JsonNode error = r.jsonBody();
        assertThat(error.get("schemas").get(0).asText()).isEqualTo(SchemaUris.ERROR);
        assertThat(error.get("status").isTextual()).isTrue();
        assertThat(error.get("status").asText()).isEqualTo(String.valueOf(status));
    }
}
