package dev.rollcall.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Standard Webhooks asymmetric signatures: {@code v1a,<base64 Ed25519 signature of id.timestamp.body>}
 * with the JDK's Ed25519, keyed by the server's Ed25519 keys (PKCS#8, as KeyGenerators made them).
 */
public final class AsymmetricSigner {
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    public String sign(ServerKeys.Current key, String id, long timestampSeconds, byte[] body) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.computeIfAbsent(key.kid(), kid -> decode(key.privateKey())));
            s.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            s.update(body);
            return "v1a," + Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private static PrivateKey decode(String pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored Ed25519 key cannot be read", e);
        }
    }
}
