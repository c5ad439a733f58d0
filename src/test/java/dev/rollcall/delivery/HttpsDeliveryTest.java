package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTPS targets are connected to at the address the SSRF guard checked, never by name (so a DNS answer
 * that changes in between is not used), while the certificate is still verified for the host name:
 * a receiver on 127.0.0.1 with a self-signed certificate for {@code lms.rollcall.test}, a name only
 * the injected resolver knows (the system resolver would fail on it).
 */
class HttpsDeliveryTest {
    static final String HOST = "lms.rollcall.test";
    static final String OTHER = "other.rollcall.test";
    static final TlsReceiver tls = new TlsReceiver(tempDir(), HOST);
    static final List<String> resolved = new CopyOnWriteArrayList<>();
    static final List<String> connected = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .adminToken("it-writer", AdminScope.WRITE)
            .network(clock -> network())
            .build();
    @Token("it-writer") static String writer;

    @AfterAll
    static void stop() {
        tls.close();
    }

    @Test
    void anHttpsTargetIsReachedAtTheCheckedAddressAndVerifiedForItsName() {
        String sub = subscribe("https://" + HOST + ":" + tls.port() + "/hook");
        HttpResult r = server.post("/api/v1/subscriptions/" + sub + "/test", writer, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode out = r.jsonBody();
        assertThat(out.get("accepted").asBoolean()).as(out.toString()).isTrue();
        assertThat(tls.hosts).contains(HOST + ":" + tls.port());
        assertThat(resolved).contains(HOST);
        assertThat(connected).contains("127.0.0.1");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        int before = tls.hosts.size();
        String sub = subscribe("https://" + OTHER + ":" + tls.port() + "/hook");
        JsonNode out = server.post("/api/v1/subscriptions/" + sub + "/test", writer, "").jsonBody();
        assertThat(out.get("accepted").asBoolean()).isFalse();
        assertThat(out.has("statusCode")).isFalse();
        assertThat(out.get("error").asText()).containsIgnoringCase("SSL");
        assertThat(tls.hosts).hasSize(before);
    }

    @Test
    void wildcardsCoverExactlyOneLeftMostLabel() {
        assertThat(HostNameTrust.nameMatches("*.example.com", "a.example.com")).isTrue();
        assertThat(HostNameTrust.nameMatches("*.example.com", "example.com")).isFalse();
        assertThat(HostNameTrust.nameMatches("*.example.com", "a.b.example.com")).isFalse();
        assertThat(HostNameTrust.nameMatches("*.com", "example.com")).isFalse();
        assertThat(HostNameTrust.nameMatches("lms.example.com", "lms.example.com")).isTrue();
        assertThat(HostNameTrust.nameMatches("lms.example.com", "lms.example.co")).isFalse();
    }

    private String subscribe(String url) {
        HttpResult r = server.post("/api/v1/subscriptions", writer,
                "{\"name\":\"tls\",\"url\":\"" + url + "\",\"eventTypes\":[\"person.created\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }

    private static DeliveryNetwork network() {
        Transport real = new JdkTransport(Duration.ofSeconds(2), tls.trustStore());
        HostResolver resolver = host -> {
            resolved.add(host);
            if (host.equals(HOST) || host.equals(OTHER)) {
                return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
            }
            throw new UnknownHostException(host);
        };
        Transport spy = new Transport() {
            @Override
            public Answer post(InetAddress address, URI target, Map<String, String> headers, byte[] body, Duration timeout)
                    throws IOException, InterruptedException {
                connected.add(address.getHostAddress());
                if (!address.getHostAddress().startsWith("127.")) {
                    throw new AssertionError("a test tried to connect outside 127.0.0.0/8: " + address);
                }
                return real.post(address, target, headers, body, timeout);
            }
        };
        return new DeliveryNetwork(resolver, spy);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rollcall-tls");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
