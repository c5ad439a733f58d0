package dev.rollcall.delivery.rules;

import java.util.List;
import java.util.Optional;

/** Reads of the registry outside any change. */
public interface SubscriptionQueries {
    List<Subscription> all();

    Optional<Subscription> byId(String id);
}
