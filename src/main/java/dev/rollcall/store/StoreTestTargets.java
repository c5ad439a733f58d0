package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION_SECRET;

import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.EncryptedSecret;
import dev.rollcall.delivery.rules.TestTargets;
import java.time.Instant;
import java.util.Optional;
import org.jooq.impl.DSL;

/** A subscription with its newest sealed secret, shaped as a claimed delivery without a row (pk 0). */
public final class StoreTestTargets implements TestTargets {
    private final Database database;

    public StoreTestTargets(Database database) {
        this.database = database;
    }

    @Override
    public Optional<ClaimedDelivery> message(String subscriptionId, String messageId, String type, Instant at,
                                             String payloadJson) {
        var secretPk = DSL.select(DSL.max(SUBSCRIPTION_SECRET.PK)).from(SUBSCRIPTION_SECRET)
                .where(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK.eq(SUBSCRIPTION.PK));
        return database.dsl().select(SUBSCRIPTION.PK, SUBSCRIPTION.URL, SUBSCRIPTION.ENABLED, SUBSCRIPTION_SECRET.NONCE,
                        SUBSCRIPTION_SECRET.CIPHERTEXT, SUBSCRIPTION.TIMEOUT_MS, SUBSCRIPTION.MAX_ATTEMPTS)
                .from(SUBSCRIPTION).leftJoin(SUBSCRIPTION_SECRET).on(SUBSCRIPTION_SECRET.PK.eq(secretPk))
                .where(SUBSCRIPTION.ID.eq(subscriptionId))
                .fetchOptional(r -> new ClaimedDelivery(0, messageId, 0, r.value1(), subscriptionId, r.value2(), r.value3(),
                        r.value4() == null ? null : new EncryptedSecret(r.value4(), r.value5()), messageId, type, null, null,
                        null, at, payloadJson, 0, SubscriptionStore.limits(r.value6(), r.value7())));
    }
}
