package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.DeliveryTx;
import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Gives a subscription a new signing secret, shown once. The secrets valid until now keep signing
 * beside it for the overlap (the default, or the request's), so a receiver can switch without losing
 * a delivery; then they stop signing and the next rotation deletes them. Audited without any secret.
 */
public final class SecretRotation {
    /** The longest overlap a request may ask for. */
    static final Duration MAX_OVERLAP = Duration.ofDays(30);

    private final Transactor<? extends DeliveryTx> transactions;
    private final SecretBox secrets;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration defaultOverlap;

    public SecretRotation(Transactor<? extends DeliveryTx> transactions, SecretBox secrets, SecureRandom random, Clock clock,
                          Duration defaultOverlap) {
        this.transactions = transactions;
        this.secrets = secrets;
        this.random = random;
        this.clock = clock;
        this.defaultOverlap = defaultOverlap;
    }

    /** The new secret, and until when the previous ones still sign. */
    public record Rotated(String subscriptionId, String secret, Instant previousValidUntil) {
    }

    /** {@code overlap} null: the configured default. */
    public Rotated rotate(Actor actor, String subscriptionId, Duration overlap) {
        Duration o = overlap == null ? defaultOverlap : overlap;
        if (o.isNegative() || o.compareTo(MAX_OVERLAP) > 0) {
            throw new SubscriptionException(400, "'overlap' must be between PT0S and P30D, got " + o);
        }
        Instant now = Timestamps.now(clock);
        Instant until = now.plus(o);
        String secret = WebhookSigner.newSecret(random);
        transactions.inTransaction(tx -> {
            tx.subscriptions().lockById(subscriptionId)
                    .orElseThrow(() -> new SubscriptionException(404, "no subscription " + subscriptionId));
            tx.subscriptions().rotateSecret(subscriptionId, secrets.seal(subscriptionId, secret), now, until);
            tx.audit().record(now, new AuditRecord(actor, "subscription.rotate-secret", "subscription", subscriptionId,
                    null, AuditRecord.fields(Map.of("previousSecretsValidUntil", until.toString()))));
            return null;
        });
        return new Rotated(subscriptionId, secret, until);
    }
}
