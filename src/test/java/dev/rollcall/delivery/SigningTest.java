package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import dev.rollcall.delivery.rules.EncryptedSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Signatures agree with the Standard Webhooks reference library; sealed secrets open only where they were sealed. */
class SigningTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void signaturesMatchTheReferenceLibrary() throws Exception {
        String secret = WebhookSigner.newSecret(random);
        assertThat(secret).startsWith("whsec_").hasSize(6 + 44);
        String body = "{\"id\":\"01J\",\"data\":{\"name\":\"Zoë\"}}";
        String ours = WebhookSigner.sign(secret, "01J", 1_700_000_000L, body.getBytes(StandardCharsets.UTF_8));
        assertThat(ours).isEqualTo(new Webhook(secret).sign("01J", 1_700_000_000L, body));
    }

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndSubscription() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        SecretBox box = new SecretBox(key, random);
        EncryptedSecret sealed = box.seal("sub-1", "whsec_abc");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.UTF_8)).doesNotContain("whsec");
        assertThat(box.open("sub-1", sealed)).isEqualTo("whsec_abc");
        assertThatThrownBy(() -> box.open("sub-2", sealed)).isInstanceOf(IllegalStateException.class);
        byte[] other = key.clone();
        other[0] ^= 1;
        assertThatThrownBy(() -> new SecretBox(other, random).open("sub-1", sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(box.seal("sub-1", "whsec_abc").nonce()).isNotEqualTo(sealed.nonce());
    }
}
