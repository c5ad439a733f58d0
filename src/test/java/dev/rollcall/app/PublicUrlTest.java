package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RawHttp;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import dev.rollcall.testing.RollcallTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Locations name ROLLCALL_PUBLIC_URL, else the listen address; a forged Host header never reaches them. */
class PublicUrlTest {
    private static final String FORGED = "Host: evil.example:666";

    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).adminToken("it", AdminScope.WRITE).build();
    @Token("workday") static String hr;
    @Token("it") static String admin;

    static String user(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s"}""".formatted(userName);
    }

    static int port(String baseUrl) {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    static RawHttp.Answer post(String baseUrl, String path, String token, String body) {
        return RawHttp.send(port(baseUrl), "POST " + path + " HTTP/1.1\r\n" + FORGED + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/scim+json", body);
    }

    static RawHttp.Answer get(String baseUrl, String path, String token) {
        return RawHttp.send(port(baseUrl), "GET " + path + " HTTP/1.1\r\n" + FORGED + "\r\nAuthorization: Bearer " + token, null);
    }

    @Test
    void withoutAPublicUrlLocationsNameTheListenAddressNotTheRequestHost() {
        String base = server.baseUrl(); // http://127.0.0.1:<bound port>: the configured host and the port bound
        RawHttp.Answer created = post(base, "/scim/v2/Users", hr, user("host.a"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = server.parse(created.body());
        String id = body.get("id").asText();
        assertThat(created.header("Location")).isEqualTo(base + "/scim/v2/Users/" + id);
        assertThat(body.at("/meta/location").asText()).isEqualTo(base + "/scim/v2/Users/" + id);

        RawHttp.Answer group = post(base, "/scim/v2/Groups", hr, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"g-host",
                 "members":[{"value":"%s"}]}""".formatted(id));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        assertThat(group.header("Location")).startsWith(base + "/scim/v2/Groups/");
        assertThat(server.parse(group.body()).at("/members/0/$ref").asText()).isEqualTo(base + "/scim/v2/Users/" + id);

        RawHttp.Answer list = get(base, "/scim/v2/Users?filter=userName%20eq%20%22host.a%22", hr);
        assertThat(server.parse(list.body()).at("/Resources/0/meta/location").asText()).startsWith(base + "/");
        RawHttp.Answer config = get(base, "/scim/v2/ServiceProviderConfig", hr);
        assertThat(server.parse(config.body()).at("/meta/location").asText()).startsWith(base + "/scim/v2/");
        RawHttp.Answer bulk = post(base, "/scim/v2/Bulk", hr, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
                 {"method":"POST","path":"/Users","bulkId":"b1","data":%s}]}""".formatted(user("host.b")));
        assertThat(server.parse(bulk.body()).at("/Operations/0/location").asText()).startsWith(base + "/scim/v2/Users/");
        RawHttp.Answer source = post(base, "/api/v1/sources", admin, "{\"name\":\"host-src\",\"kind\":\"crm\"}");
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        assertThat(source.header("Location")).isEqualTo(base + "/api/v1/sources/host-src");
        for (RawHttp.Answer a : new RawHttp.Answer[]{created, group, list, config, bulk, source}) {
            assertThat(a.body() + a.headers()).doesNotContain("evil.example");
        }
    }

    @Test
    void aConfiguredPublicUrlIsWhatLocationsName() {
        try (RollcallTestServer proxied = RollcallTestServer.start(Map.of("ROLLCALL_PUBLIC_URL", "https://id.example.com/rollcall/"))) {
            String token = proxied.addSource("okta", SourceKind.IDP);
            String adminToken = proxied.addAdminToken("it", AdminScope.WRITE);
            RawHttp.Answer created = post(proxied.baseUrl(), "/scim/v2/Users", token, user("proxied"));
            assertThat(created.status()).isEqualTo(201);
            String id = server.parse(created.body()).get("id").asText();
            assertThat(created.header("Location")).isEqualTo("https://id.example.com/rollcall/scim/v2/Users/" + id);
            assertThat(server.parse(created.body()).at("/meta/location").asText())
                    .isEqualTo("https://id.example.com/rollcall/scim/v2/Users/" + id);
            RawHttp.Answer schemas = get(proxied.baseUrl(), "/scim/v2/Schemas", token);
            assertThat(server.parse(schemas.body()).at("/Resources/0/meta/location").asText())
                    .startsWith("https://id.example.com/rollcall/scim/v2/Schemas/");
            RawHttp.Answer tokenIssued = post(proxied.baseUrl(), "/api/v1/sources/okta/tokens", adminToken, "{}");
            assertThat(tokenIssued.status()).as(tokenIssued.body()).isEqualTo(201);
            assertThat(tokenIssued.header("Location")).startsWith("https://id.example.com/rollcall/api/v1/sources/okta/tokens/");
        }
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteHttpUrlStopsStartUpNamingTheVariable() {
        for (String bad : new String[]{"id.example.com", "ftp://id.example.com", "https://", "https://id.example.com/?a=b",
                "https://user@id.example.com", "http://id example.com", "https://id.example.com/#top"}) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("ROLLCALL_PUBLIC_URL", bad))).as(bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_PUBLIC_URL");
        }
        assertThat(Config.fromEnvironment(Map.of("ROLLCALL_PUBLIC_URL", "https://id.example.com/")).publicUrl())
                .hasValue("https://id.example.com");
        assertThat(Config.fromEnvironment(Map.of()).publicUrl()).isEmpty();
    }
}
