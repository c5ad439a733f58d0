package dev.rollcall.delivery.rules;

import java.time.Instant;

/**
 * One of the server's signing keys: its private half sealed with the master key (the kid as
 * associated data), its public half as a JWK. {@code retiresAt} null: current; else it no longer signs
 * and stays in the JWKS until then, so receivers holding a cached JWKS can verify what it signed.
 */
public record SigningKey(String kid, String alg, EncryptedSecret sealedPrivate, String publicJwk, Instant createdAt,
                         Instant retiresAt) {
    /** ECDSA P-256 with SHA-256: Security Event Tokens. */
    public static final String ES256 = "ES256";
    /** Ed25519: Standard Webhooks {@code v1a} signatures. */
    public static final String ED25519 = "EdDSA";

    public boolean publishedAt(Instant now) {
        return retiresAt == null || retiresAt.isAfter(now);
    }
}
