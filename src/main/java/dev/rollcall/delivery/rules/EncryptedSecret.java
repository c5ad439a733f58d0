package dev.rollcall.delivery.rules;

/** A signing secret as stored: AES-GCM ciphertext (with its tag) and the nonce it was sealed with. */
public record EncryptedSecret(byte[] nonce, byte[] ciphertext) {
}
