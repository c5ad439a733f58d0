package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.DeliveryLimits;
import dev.rollcall.delivery.rules.EncryptedSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a delivery no longer pays each time: opening its sealed secrets (kept per sealed value, so a
 * rotation's new secret is opened and signs at once) and rendering its body (shared by the
 * subscriptions of one event that map alike).
 */
class SigningCachesTest {
    private final SecureRandom random = new SecureRandom();
    private final SecretBox box = box();

    private SecretBox box() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new SecretBox(key, random);
    }

    @Test
    void aSealedSecretIsOpenedOnceAndSignsLikeTheReferenceLibrary() throws Exception {
        OpenedSecrets opened = new OpenedSecrets(box);
        String secret = WebhookSigner.newSecret(random);
        EncryptedSecret sealed = box.seal("sub-1", secret);
        List<WebhookSigner.Key> first = opened.keys("sub-1", List.of(sealed));
        List<WebhookSigner.Key> again = opened.keys("sub-1", List.of(new EncryptedSecret(sealed.nonce().clone(),
                sealed.ciphertext().clone())));
        assertThat(again.get(0)).as("the same sealed value, read again by another claim").isSameAs(first.get(0));
        assertThat(opened.size()).isEqualTo(1);
        byte[] body = "{\"id\":\"01J\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSigner.signAll(again, "01J", 1_700_000_000L, body);
        assertThat(signature).isEqualTo(new Webhook(secret).sign("01J", 1_700_000_000L, "{\"id\":\"01J\"}"))
                .isEqualTo(WebhookSigner.signAll(first, "01J", 1_700_000_000L, body));
        assertThat(first.get(0).toString()).doesNotContain(secret.substring(6, 20));
    }

    @Test
    void aRotatedSecretIsOpenedAndBothSignInTheOrderGiven() throws Exception {
        OpenedSecrets opened = new OpenedSecrets(box);
        String old = WebhookSigner.newSecret(random);
        EncryptedSecret sealedOld = box.seal("sub-1", old);
        opened.keys("sub-1", List.of(sealedOld));
        String fresh = WebhookSigner.newSecret(random);
        List<WebhookSigner.Key> both = opened.keys("sub-1", List.of(box.seal("sub-1", fresh), sealedOld));
        String[] signatures = WebhookSigner.signAll(both, "01J", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8)).split(" ");
        assertThat(signatures).containsExactly(new Webhook(fresh).sign("01J", 1_700_000_000L, "{}"),
                new Webhook(old).sign("01J", 1_700_000_000L, "{}"));
        // after the overlap the claim gives only the new one: only it signs
        assertThat(opened.keys("sub-1", List.of(box.seal("sub-1", fresh)))).hasSize(1);
    }

    @Test
    void aCachedSecretDoesNotOpenForAnotherSubscription() {
        OpenedSecrets opened = new OpenedSecrets(box);
        EncryptedSecret sealed = box.seal("sub-1", WebhookSigner.newSecret(random));
        opened.keys("sub-1", List.of(sealed));
        assertThatThrownBy(() -> opened.keys("sub-2", List.of(sealed))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void subscriptionsOfOneEventThatMapAlikeShareOneRendering() {
        WebhookBody bodies = new WebhookBody(new ObjectMapper());
        byte[] a = bodies.of(delivery(1, "sub-1", AttributeMapping.NONE, "{\"n\":1}"));
        byte[] b = bodies.of(delivery(2, "sub-2", AttributeMapping.of(List.of()), "{\"n\":1}"));
        assertThat(b).isSameAs(a);
        assertThat(bodies.renderings()).isEqualTo(1);
        AttributeMapping tenant = AttributeMapping.of(List.of(new AttributeMapping.Field("tenant", null, "acme", false, null, null)));
        byte[] mapped = bodies.of(delivery(3, "sub-3", tenant, "{\"n\":1}"));
        assertThat(bodies.renderings()).isEqualTo(2);
        assertThat(new String(mapped, StandardCharsets.UTF_8)).isEqualTo(new String(a, StandardCharsets.UTF_8));
        byte[] other = bodies.of(delivery(4, "sub-1", AttributeMapping.NONE, "{\"n\":2}"));
        assertThat(new String(other, StandardCharsets.UTF_8)).contains("\"n\":2");
        assertThat(bodies.renderings()).isEqualTo(3);
    }

    private static ClaimedDelivery delivery(long pk, String subscriptionId, AttributeMapping mapping, String payload) {
        return new ClaimedDelivery(pk, "d" + pk, 0, pk, subscriptionId, "http://127.0.0.1/hook", true, List.of(), "01EVENT",
                "account.created", null, null, null, Instant.parse("2026-12-01T12:00:00Z"), payload, null, "standard-webhooks",
                "hmac", mapping, 0, DeliveryLimits.DEFAULTS);
    }
}
