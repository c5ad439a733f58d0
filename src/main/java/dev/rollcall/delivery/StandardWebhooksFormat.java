package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.SigningKey;
import dev.rollcall.delivery.rules.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Standard Webhooks: the JSON body of {@link WebhookBody} with {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature}: one {@code v1,} per valid secret and, for a
 * subscription signing {@code ed25519}, one {@code v1a,} per published server Ed25519 key (the
 * current one first), all space-separated.
 */
public final class StandardWebhooksFormat implements PayloadFormat {
    private final WebhookBody bodies;
    private final OpenedSecrets secrets;
    private final ServerKeys keys;
    private final AsymmetricSigner asymmetric = new AsymmetricSigner();

    public StandardWebhooksFormat(WebhookBody bodies, SecretBox secrets, ServerKeys keys) {
        this.bodies = bodies;
        this.secrets = new OpenedSecrets(secrets);
        this.keys = keys;
    }

    @Override
    public Request render(ClaimedDelivery d, Instant sentAt) {
        byte[] body = bodies.of(d);
        long timestamp = sentAt.getEpochSecond();
        List<WebhookSigner.Key> open = secrets.keys(d.subscriptionId(), d.secrets());
        String signature = WebhookSigner.signAll(open, d.eventId(), timestamp, body);
        if (Subscription.ED25519.equals(d.signing())) {
            StringBuilder all = new StringBuilder(signature);
            for (ServerKeys.Current key : keys.signingSet(SigningKey.ED25519)) {
                all.append(' ').append(asymmetric.sign(key, d.eventId(), timestamp, body));
            }
            signature = all.toString();
        }
        return new Request(body, Map.of("webhook-id", d.eventId(), "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signature));
    }

    @Override
    public Optional<String> permanentRefusal(int status, String head) {
        return Optional.empty();
    }
}
