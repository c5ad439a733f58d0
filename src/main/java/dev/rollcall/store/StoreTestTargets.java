package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.TestTargets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** A subscription with its valid sealed secrets and its format, shaped as a claimed delivery without a row (pk 0). */
public final class StoreTestTargets implements TestTargets {
    private final Database database;

    public StoreTestTargets(Database database) {
        this.database = database;
    }

    @Override
    public Optional<ClaimedDelivery> message(String subscriptionId, String messageId, String type, Instant at,
                                             String payloadJson) {
        DSLContext dsl = database.dsl();
        return dsl.select(SUBSCRIPTION.PK, SUBSCRIPTION.URL, SUBSCRIPTION.ENABLED, SUBSCRIPTION.FORMAT, SUBSCRIPTION.SIGNING,
                        SUBSCRIPTION.TIMEOUT_MS, SUBSCRIPTION.MAX_ATTEMPTS)
                .from(SUBSCRIPTION)
                .where(SUBSCRIPTION.ID.eq(subscriptionId))
                .fetchOptional(r -> new ClaimedDelivery(0, messageId, 0, r.value1(), subscriptionId, r.value2(), r.value3(),
                        StoreDeliveryClaims.validSecrets(dsl, List.of(r.value1()), Clock.toDb(at))
                                .getOrDefault(r.value1(), List.of()),
                        messageId, type, null, null, null, at, payloadJson, null, r.value4(), r.value5(), AttributeMapping.NONE,
                        0, SubscriptionStore.limits(r.value6(), r.value7())));
    }
}
