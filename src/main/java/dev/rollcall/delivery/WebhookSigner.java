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

    private WebhookSigner() {
    }

    /** A new secret: the prefix and 32 random bytes in base64. */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** One signature per secret, space-separated: a receiver holding any one of the secrets verifies it. */
    public static String signAll(List<String> secrets, String id, long timestampSeconds, byte[] body) {
        return String.join(" ", secrets.stream().map(s -> sign(s, id, timestampSeconds, body)).toList());
    }

    /** The {@code webhook-signature} value for {@code id.timestamp.body}, keyed by the secret's decoded bytes. */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
