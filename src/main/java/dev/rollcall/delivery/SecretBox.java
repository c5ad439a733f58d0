package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.EncryptedSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals signing secrets with the master key (AES-256-GCM, a fresh 96-bit nonce each, the
 * subscription id as associated data so that a sealed secret cannot be moved to another row).
 */
public final class SecretBox {
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random;

    public SecretBox(byte[] masterKey, SecureRandom random) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes, got " + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
        this.random = random;
    }

    public EncryptedSecret seal(String subscriptionId, String secret) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, subscriptionId);
            return new EncryptedSecret(nonce, c.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Fails when the secret was sealed under another key or for another subscription. */
    public String open(String subscriptionId, EncryptedSecret sealed) {
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, sealed.nonce(), subscriptionId);
            return new String(c.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a subscription secret cannot be opened with this master key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String subscriptionId) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
        return c;
    }
}
