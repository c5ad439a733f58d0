package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import dev.rollcall.delivery.rules.Subscription;
import dev.rollcall.delivery.rules.SubscriptionQueries;
import java.util.List;
import java.util.Optional;

/** Reads of the subscription registry outside any change. */
public final class StoreSubscriptionQueries implements SubscriptionQueries {
    private final Database database;

    public StoreSubscriptionQueries(Database database) {
        this.database = database;
    }

    @Override
    public List<Subscription> all() {
        return database.dsl().selectFrom(SUBSCRIPTION).orderBy(SUBSCRIPTION.PK).fetch(SubscriptionStore::toSubscription);
    }

    @Override
    public Optional<Subscription> byId(String id) {
        return database.dsl().selectFrom(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(id))
                .fetchOptional(SubscriptionStore::toSubscription);
    }
}
