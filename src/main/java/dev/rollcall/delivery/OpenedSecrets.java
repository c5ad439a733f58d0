package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.EncryptedSecret;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscriptions' signing secrets, opened (AES-GCM) once per sealed value and kept as HMAC keys,
 * so a delivery pays no decryption. The cache is keyed by the sealed value itself with its
 * subscription id: a rotation seals a new value (a fresh nonce), so it can never answer a stale
 * secret, and which secrets still sign is still decided by each claim (the store's expiry check),
 * never here. Bounded: values of deleted secrets fall out as others come in. Nothing here is logged.
 */
final class OpenedSecrets {
    static final int MAX_ENTRIES = 4096;

    private final SecretBox box;
    private final Map<Sealed, WebhookSigner.Key> opened = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Sealed, WebhookSigner.Key> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    OpenedSecrets(SecretBox box) {
        this.box = box;
    }

    /** The keys of {@code sealed}, in their order; fails as {@link SecretBox#open} does for a value that does not open. */
    List<WebhookSigner.Key> keys(String subscriptionId, List<EncryptedSecret> sealed) {
        List<WebhookSigner.Key> out = new ArrayList<>(sealed.size());
        for (EncryptedSecret s : sealed) {
            Sealed k = new Sealed(subscriptionId, ByteBuffer.wrap(s.nonce().clone()), ByteBuffer.wrap(s.ciphertext().clone()));
            WebhookSigner.Key key;
            synchronized (opened) {
                key = opened.get(k);
            }
            if (key == null) {
                // opened outside the lock: two senders may both open a new value once, which is harmless
                key = WebhookSigner.key(box.open(subscriptionId, s));
                synchronized (opened) {
                    opened.put(k, key);
                }
            }
            out.add(key);
        }
        return out;
    }

    int size() {
        synchronized (opened) {
            return opened.size();
        }
    }

    /** A sealed value with the subscription it was sealed for (ByteBuffers compare by content). */
    private record Sealed(String subscriptionId, ByteBuffer nonce, ByteBuffer ciphertext) {
        @Override
        public String toString() {
            return "Sealed[" + subscriptionId + "]";
        }
    }
}
