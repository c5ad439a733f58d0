package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RawHttp;
import dev.rollcall.testing.RollcallTestServer;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While the server drains for shutdown, a new request on an open connection gets Grizzly's 503 — as a
 * SCIM error under /scim and problem details elsewhere, with Retry-After, never an HTML page.
 */
class ShutdownAnswersTest {

    @Test
    void requestsArrivingWhileTheServerDrainsGetA503InTheSurfacesFormat() throws Exception {
        RollcallTestServer server = RollcallTestServer.start();
        String token = server.addSource("workday", SourceKind.HRIS);
        int port = URI.create(server.baseUrl()).getPort();
        CompletableFuture<Void> closing = null;
        try (RawHttp.Connection inFlight = new RawHttp.Connection(port);
             RawHttp.Connection scim = new RawHttp.Connection(port);
             RawHttp.Connection health = new RawHttp.Connection(port)) {
            assertThat(scim.exchange(get("/scim/v2/Users?count=0", token)).status()).isEqualTo(200);
            assertThat(health.exchange(get("/healthz", null)).status()).isEqualTo(200);
            // a request whose body has not all arrived keeps the server draining
            inFlight.write("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/scim+json\r\nContent-Length: 100\r\n\r\n{\"userName\":");
            Thread.sleep(300);
            closing = CompletableFuture.runAsync(server::close);
            Thread.sleep(500);

            RawHttp.Answer duringScim = scim.exchange(get("/scim/v2/Users?count=0", token));
            RawHttp.Answer duringHealth = health.exchange(get("/healthz", null));

            assertThat(duringScim.status()).as(duringScim.wire()).isEqualTo(503);
            assertThat(duringScim.header("Content-Type")).startsWith("application/scim+json");
            assertThat(duringScim.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(duringScim.json().get("status").asText()).isEqualTo("503");
            assertThat(duringScim.header("Retry-After")).isNotBlank();
            assertThat(duringScim.body()).doesNotContain("<html", "Grizzly");
            assertThat(duringHealth.status()).isEqualTo(503);
            assertThat(duringHealth.header("Content-Type")).startsWith("application/problem+json");
            assertThat(duringHealth.json().get("status").asInt()).isEqualTo(503);
        } finally {
            if (closing == null) {
                server.close();
            } else {
                closing.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }
}
