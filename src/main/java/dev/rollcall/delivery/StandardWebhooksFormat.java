package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.ClaimedDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Standard Webhooks: the JSON body of {@link WebhookBody} with {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} (one {@code v1,} per valid secret).
 */
public final class StandardWebhooksFormat implements PayloadFormat {
    private final WebhookBody bodies;
    private final SecretBox secrets;

    public StandardWebhooksFormat(WebhookBody bodies, SecretBox secrets) {
        this.bodies = bodies;
        this.secrets = secrets;
    }

    @Override
    public Request render(ClaimedDelivery d, Instant sentAt) {
        byte[] body = bodies.of(d);
        long timestamp = sentAt.getEpochSecond();
        List<String> open = d.secrets().stream().map(s -> secrets.open(d.subscriptionId(), s)).toList();
        return new Request(body, Map.of("webhook-id", d.eventId(), "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSigner.signAll(open, d.eventId(), timestamp, body)));
    }

    @Override
    public Optional<String> permanentRefusal(int status, String head) {
        return Optional.empty();
    }
}
