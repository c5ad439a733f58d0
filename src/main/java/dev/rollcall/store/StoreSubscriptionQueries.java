package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import dev.rollcall.delivery.RulesJson;
import dev.rollcall.delivery.rules.Subscription;
import dev.rollcall.delivery.rules.SubscriptionQueries;
import java.util.List;
import java.util.Optional;

/** Reads of the subscription registry outside any change. */
public final class StoreSubscriptionQueries implements SubscriptionQueries {
    private final Database database;
    private final RulesJson rules;

    public StoreSubscriptionQueries(Database database, RulesJson rules) {
        this.database = database;
        this.rules = rules;
    }

    @Override
    public List<Subscription> all() {
        return database.dsl().selectFrom(SUBSCRIPTION).orderBy(SUBSCRIPTION.PK).fetch(r -> SubscriptionStore.toSubscription(r, rules));
    }

    @Override
    public Optional<Subscription> byId(String id) {
        return database.dsl().selectFrom(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(id))
                .fetchOptional(r -> SubscriptionStore.toSubscription(r, rules));
    }
}
