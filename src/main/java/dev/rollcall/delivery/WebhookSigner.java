package dev.rollcall.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks symmetric signatures: secrets {@code whsec_<base64>}, signatures {@code v1,<base64 HMAC-SHA256>}. */
public final class WebhookSigner {
    static final String PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private WebhookSigner() {
    }

    /**
     * A secret ready to sign with: an HMAC-SHA256 initialised with its key once, cloned per signature (a
     * clone carries the keyed state, so neither the provider lookup nor the key schedule is paid again).
     * Never printed.
     */
    public static final class Key {
        private final Mac keyed;

        private Key(Mac keyed) {
            this.keyed = keyed;
        }

        Mac mac() {
            try {
                return (Mac) keyed.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
            }
        }

        @Override
        public String toString() {
            return "WebhookSigner.Key[hidden]";
        }
    }

    /** A new secret: the prefix and 32 random bytes in base64. */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The signing key of a {@code whsec_} secret (the decoded bytes after the prefix). */
    public static Key key(String secret) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            // cloning must work for Key.mac(); fail here, at the first use of the key, if this provider cannot
            mac.clone();
            return new Key(mac);
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** One signature per secret, space-separated: a receiver holding any one of the secrets verifies it. */
    public static String signAll(List<Key> keys, String id, long timestampSeconds, byte[] body) {
        StringBuilder out = new StringBuilder();
        for (Key k : keys) {
            out.append(out.length() == 0 ? "" : " ").append(sign(k, id, timestampSeconds, body));
        }
        return out.toString();
    }

    /** The {@code webhook-signature} value for {@code id.timestamp.body}, keyed by the secret's decoded bytes. */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        return sign(key(secret), id, timestampSeconds, body);
    }

    static String sign(Key key, String id, long timestampSeconds, byte[] body) {
        Mac mac = key.mac();
        mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
