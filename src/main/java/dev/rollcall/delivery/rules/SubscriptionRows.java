package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.Optional;

/** The subscription registry in the change's transaction. */
public interface SubscriptionRows {
    void insert(Subscription subscription, EncryptedSecret secret);

    /** The subscription, locked for the rest of the transaction. */
    Optional<Subscription> lockById(String id);

    void update(Subscription subscription);

    /**
     * Adds {@code fresh} as the current secret of the subscription; the secrets that were valid until
     * now stay valid until {@code previousUntil} (an earlier expiry is kept), those already expired at
     * {@code now} are deleted.
     */
    void rotateSecret(String id, EncryptedSecret fresh, Instant now, Instant previousUntil);

    void delete(String id);

    /** Disables the subscription behind a delivery (410 Gone); false when it is already disabled. */
    boolean disableByPk(long subscriptionPk, String reason, Instant at);

    /** Notes a failed attempt: returns since when the subscription has failed without a success (this one if first). */
    Instant failed(long subscriptionPk, Instant at);

    /** Notes a success: failing ends, the last success is {@code at} (kept to within a second). */
    void succeeded(long subscriptionPk, Instant at);
}
