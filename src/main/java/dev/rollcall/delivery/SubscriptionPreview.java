package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.PersonSnapshot;
import dev.rollcall.delivery.rules.SnapshotQueries;
import dev.rollcall.delivery.rules.Subscription;
import dev.rollcall.delivery.rules.SubscriptionQueries;
import java.util.Map;

/**
 * What a subscription would receive about a person right now: the person as a delivery snapshots it,
 * its attributes after the subscription's mapping, and whether the person filter lets its events
 * through (a provisional person's never are). Changes nothing.
 */
public final class SubscriptionPreview {
    private final SubscriptionQueries subscriptions;
    private final SnapshotQueries snapshots;

    public SubscriptionPreview(SubscriptionQueries subscriptions, SnapshotQueries snapshots) {
        this.subscriptions = subscriptions;
        this.snapshots = snapshots;
    }

    public record Preview(Subscription subscription, PersonSnapshot person, Map<String, String> attributes,
                          boolean announced, boolean filterMatches) {
    }

    public Preview preview(String subscriptionId, String personId) {
        Subscription s = subscriptions.byId(subscriptionId)
                .orElseThrow(() -> new SubscriptionException(404, "no subscription " + subscriptionId));
        if (personId == null || personId.isBlank()) {
            throw new SubscriptionException(400, "the query parameter 'person' (a person id) is required");
        }
        PersonSnapshot p = snapshots.person(personId)
                .orElseThrow(() -> new SubscriptionException(404, "no person " + personId));
        return new Preview(s, p, s.mapping().apply(p.golden()), p.state() != null, s.filter().matches(p));
    }
}
