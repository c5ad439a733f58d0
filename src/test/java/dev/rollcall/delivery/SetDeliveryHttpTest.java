package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Security Event Tokens over HTTP on real MariaDB: a `set` subscription receives each event as a SET
 * (RFC 8417) pushed per RFC 8935, which the receiver verifies with Nimbus against the JWKS it fetches
 * from the server over HTTP, also across a key rotation (the retiring key stays published for the
 * overlap, then leaves the JWKS); a 400 with an `err` member is permanent and recorded.
 */
class SetDeliveryHttpTest {
    static final TestNetwork net = new TestNetwork();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .env("ROLLCALL_SIGNING_KEY_OVERLAP", "PT1H").env("ROLLCALL_SET_ISSUER", "https://rollcall.example")
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

    private String subscribeSet(WebhookReceiver r, String... types) {
        HttpResult created = server.post("/api/v1/subscriptions", writer, "{\"name\":\"siem\",\"url\":\"" + r.url()
                + "\",\"format\":\"set\",\"eventTypes\":" + server.json().valueToTree(List.of(types)) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.jsonBody().get("format").asText()).isEqualTo("set");
        return created.jsonBody().get("id").asText();
    }

    /** The JWKS as a receiver gets it: a plain unauthenticated GET. */
    private JWKSet jwks() throws Exception {
        HttpResult r = server.get("/.well-known/jwks.json", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JWKSet set = JWKSet.parse(r.body());
        assertThat(set.getKeys()).allMatch(k -> !k.isPrivate());
        return set;
    }

    private static SignedJWT verified(WebhookReceiver.Received got, JWKSet jwks) throws Exception {
        assertThat(got.headers().get("content-type").get(0)).isEqualTo("application/secevent+jwt");
        SignedJWT jwt = SignedJWT.parse(got.raw());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("secevent+jwt"));
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("kid " + jwt.getHeader().getKeyID() + " in the JWKS").isNotNull();
        assertThat(jwt.verify(new ECDSAVerifier((ECKey) key))).isTrue();
        return jwt;
    }

    @Test
    void everyEventArrivesAsASetTheReceiverVerifiesAgainstTheServedJwksAcrossAKeyRotation() throws Exception {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver siem = fixture.receiver();
        siem.reply(WebhookReceiver.Reply.of(202));
        String sub = subscribeSet(siem, "person.created", "account.created");
        fixture.hire(hr, "sam.set", "W-20");
        fixture.eventually(Duration.ofMillis(10), () -> siem.received().size() == 2);

        JWKSet before = jwks();
        SignedJWT created = null;
        for (WebhookReceiver.Received got : siem.received()) {
            SignedJWT jwt = verified(got, before);
            if (jwt.getJWTClaimsSet().getJSONObjectClaim("events").containsKey("urn:ietf:params:scim:event:prov:create:notice")) {
                created = jwt;
            } else {
                assertThat(jwt.getJWTClaimsSet().getJSONObjectClaim("events")).containsOnlyKeys("urn:rollcall:event:account.created");
            }
        }
        assertThat(created).isNotNull();
        var claims = created.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://rollcall.example");
        assertThat(claims.getAudience()).containsExactly(siem.url());
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getJWTID()).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(claims.getStringClaim("txn")).isNotBlank();
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) claims.getJSONObjectClaim("events")
                .get("urn:ietf:params:scim:event:prov:create:notice");
        assertThat(event.get("type")).isEqualTo("person.created");
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) event.get("person");
        assertThat(claims.getJSONObjectClaim("sub_id")).containsEntry("format", "opaque").containsEntry("id", person.get("id"));
        assertThat(person.get("state")).isEqualTo("active");
        assertThat(fixture.deliveries(reader, sub, "delivered")).hasSize(2);

        String oldKid = created.getHeader().getKeyID();
        HttpResult rotated = server.post("/api/v1/signing-keys/rotate", writer, "{\"alg\":\"ES256\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKid = rotated.jsonBody().get("kid").asText();
        assertThat(newKid).isNotEqualTo(oldKid);
        fixture.hire(hr, "sam.rotated", "W-21");
        fixture.eventually(Duration.ofMillis(10), () -> siem.received().size() == 4);

        JWKSet during = jwks();
        assertThat(during.getKeys()).extracting(JWK::getKeyID).contains(oldKid, newKid);
        assertThat(verified(siem.received().get(0), during).getHeader().getKeyID()).isEqualTo(oldKid);
        assertThat(verified(siem.received().get(3), during).getHeader().getKeyID()).isEqualTo(newKid);
        JsonNode listed = server.get("/api/v1/signing-keys", reader).jsonBody();
        assertThat(listed.toString()).contains("retiring").doesNotContain("\"d\"");

        server.clock().advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(jwks().getKeys()).extracting(JWK::getKeyID).contains(newKid).doesNotContain(oldKid);
    }

    @Test
    void aBadRequestWithAnErrMemberIsPermanentAndRecorded() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver siem = fixture.receiver();
        siem.reply(new WebhookReceiver.Reply(400, Map.of("Content-Type", "application/json"),
                "{\"err\":\"invalid_audience\",\"description\":\"not for us\"}"));
        String sub = subscribeSet(siem, "person.created");
        fixture.hire(hr, "rita.refused", "W-22");
        fixture.eventually(Duration.ofMillis(10), () -> !fixture.deliveries(reader, sub, "dead").isEmpty());
        JsonNode dead = fixture.deliveries(reader, sub, "dead").get(0);
        assertThat(dead.get("attempts").asInt()).isEqualTo(1);
        assertThat(dead.get("lastError").asText()).contains("invalid_audience").contains("not for us");
        assertThat(siem.received()).hasSize(1);
    }

    @Test
    void aBadRequestWithoutAnErrMemberIsRetriedAndBadFormatsAndKeyRequestsAreRefused() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver siem = fixture.receiver();
        siem.reply(WebhookReceiver.Reply.of(400));
        String sub = subscribeSet(siem, "person.created");
        fixture.hire(hr, "otto.retried", "W-23");
        fixture.eventually(Duration.ofMillis(10), () -> !fixture.deliveries(reader, sub, "failed").isEmpty());

        HttpResult jwt = server.post("/api/v1/subscriptions", writer, "{\"name\":\"x\",\"url\":\"" + siem.url()
                + "\",\"format\":\"jwt\",\"eventTypes\":[\"*\"]}");
        assertThat(jwt.status()).isEqualTo(400);
        assertThat(server.post("/api/v1/signing-keys/rotate", writer, "{\"alg\":\"HS256\"}").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/signing-keys/rotate", writer, "{\"kty\":\"EC\"}").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/signing-keys/rotate", reader, "").status()).isEqualTo(403);
        assertThat(server.get("/api/v1/signing-keys", null).status()).isEqualTo(401);
    }
}
