package dev.rollcall.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Java's HttpClient in its default mode asks to upgrade to HTTP/2 (Upgrade: h2c) on plain HTTP; a
 * server without HTTP/2 support in Grizzly hangs on such a POST. Real clients do this.
 */
class UsersHttp2UpgradeTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .build();
    @Token("okta") static String token;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void defaultHttpClientPostsAndReadsAUserWithoutHanging() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_2);
        HttpRequest post = HttpRequest.newBuilder(URI.create(server.scimUrl() + "/Users"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"h2c@corp.example"}"""))
                .build();

        HttpResponse<String> created = client.sendAsync(post, HttpResponse.BodyHandlers.ofString()).get(15, TimeUnit.SECONDS);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = server.parse(created.body()).get("id").asText();
        HttpRequest get = HttpRequest.newBuilder(URI.create(server.scimUrl() + "/Users/" + id))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> fetched = client.sendAsync(get, HttpResponse.BodyHandlers.ofString()).get(15, TimeUnit.SECONDS);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(server.parse(fetched.body()).get("userName").asText()).isEqualTo("h2c@corp.example");
    }
}
