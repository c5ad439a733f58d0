package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Standard Webhooks asymmetric signatures over HTTP on real MariaDB: a subscription that asks for
 * ed25519 gets a {@code v1a,} signature beside its {@code v1,} one; the receiver verifies it with the
 * JDK against the OKP key it fetched from the served JWKS, and the HMAC one with the reference library.
 * After a rotation of the Ed25519 key both keys sign until the old one retires.
 */
class AsymmetricSigningHttpTest {
    /** RFC 8410: the X.509 SubjectPublicKeyInfo of an Ed25519 key is this prefix and the 32 raw bytes. */
    static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final TestNetwork net = new TestNetwork();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .env("ROLLCALL_SIGNING_KEY_OVERLAP", "PT2M")
            .network(clock -> net.network())
            .build();
    @Token("workday") static String hr;
    @Token("it-writer") static String writer;
    @Token("it-reader") static String reader;

    private DeliveryFixture fixture;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private static List<PublicKey> ed25519Keys() throws Exception {
        HttpResult r = server.get("/.well-known/jwks.json", null);
        assertThat(r.status()).isEqualTo(200);
        List<PublicKey> out = new ArrayList<>();
        for (JsonNode k : r.jsonBody().get("keys")) {
            if (k.get("kty").asText().equals("OKP")) {
                assertThat(k.get("crv").asText()).isEqualTo("Ed25519");
                assertThat(k.has("d")).isFalse();
                byte[] raw = Base64.getUrlDecoder().decode(k.get("x").asText());
                byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
                System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
                out.add(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
            }
        }
        return out;
    }

    private static List<String> v1a(WebhookReceiver.Received r) {
        return Arrays.stream(r.headers().get("webhook-signature").get(0).split(" "))
                .filter(s -> s.startsWith("v1a,")).map(s -> s.substring(4)).toList();
    }

    private static boolean verifies(WebhookReceiver.Received r, String signature, PublicKey key) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key);
        s.update((r.id() + "." + r.headers().get("webhook-timestamp").get(0) + ".").getBytes(StandardCharsets.UTF_8));
        s.update(r.raw().getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(signature));
    }

    @Test
    void anEd25519SubscriptionIsSignedV1aWithTheKeyInTheJwksAcrossARotation() throws Exception {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        HttpResult created = server.post("/api/v1/subscriptions", writer, "{\"name\":\"lms\",\"url\":\"" + lms.url()
                + "\",\"eventTypes\":[\"person.created\"],\"signing\":\"ed25519\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.jsonBody().get("signing").asText()).isEqualTo("ed25519");
        lms.secret(created.jsonBody().get("secret").asText());
        fixture.hire(hr, "eddie.sign", "W-30");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 1);

        WebhookReceiver.Received first = lms.received().get(0);
        assertThat(first.verified()).as("the v1 signature still verifies: " + first.verifyError()).isTrue();
        List<PublicKey> keys = ed25519Keys();
        assertThat(keys).hasSize(1);
        assertThat(v1a(first)).hasSize(1);
        assertThat(verifies(first, v1a(first).get(0), keys.get(0))).isTrue();
        assertThat(verifies(new WebhookReceiver.Received(first.id(), first.host(), first.body(), true, null, 200,
                first.raw() + " ", first.headers()), v1a(first).get(0), keys.get(0))).as("a changed body fails").isFalse();

        HttpResult rotated = server.post("/api/v1/signing-keys/rotate", writer, "{\"alg\":\"EdDSA\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        fixture.hire(hr, "eddie.rotated", "W-31");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 2);
        WebhookReceiver.Received during = lms.received().get(1);
        List<PublicKey> both = ed25519Keys();
        assertThat(both).hasSize(2);
        assertThat(v1a(during)).hasSize(2);
        assertThat(verifies(during, v1a(during).get(1), keys.get(0))).as("the old key still signs in the overlap").isTrue();
        PublicKey fresh = both.stream().filter(k -> !Arrays.equals(k.getEncoded(), keys.get(0).getEncoded())).findFirst().orElseThrow();
        assertThat(verifies(during, v1a(during).get(0), fresh)).as("the new key signs first").isTrue();

        server.clock().advance(Duration.ofMinutes(2).plusSeconds(1));
        fixture.hire(hr, "eddie.after", "W-32");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 3);
        WebhookReceiver.Received after = lms.received().get(2);
        assertThat(v1a(after)).hasSize(1);
        assertThat(verifies(after, v1a(after).get(0), fresh)).isTrue();
        assertThat(ed25519Keys()).hasSize(1);
        assertThat(after.verified()).as(after.verifyError()).isTrue();
    }

    @Test
    void hmacSubscriptionsGetNoV1aAndBadSigningIsRefused() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "person.created");
        fixture.hire(hr, "hank.hmac", "W-33");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 1);
        assertThat(v1a(lms.received().get(0))).isEmpty();

        assertThat(server.post("/api/v1/subscriptions", writer, "{\"name\":\"x\",\"url\":\"" + lms.url()
                + "\",\"eventTypes\":[\"*\"],\"signing\":\"rsa\"}").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/subscriptions", writer, "{\"name\":\"x\",\"url\":\"" + lms.url()
                + "\",\"eventTypes\":[\"*\"],\"format\":\"set\",\"signing\":\"ed25519\"}").status()).isEqualTo(400);
        HttpResult patched = server.patch("/api/v1/subscriptions/" + sub, writer, "{\"signing\":\"ed25519\"}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.jsonBody().get("signing").asText()).isEqualTo("ed25519");
    }
}
