package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION_SECRET;

import dev.rollcall.delivery.rules.DeliveryLimits;
import dev.rollcall.delivery.rules.EncryptedSecret;
import dev.rollcall.delivery.rules.EventTypeFilter;
import dev.rollcall.delivery.rules.Subscription;
import dev.rollcall.delivery.rules.SubscriptionRows;
import dev.rollcall.store.generated.tables.records.SubscriptionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** The subscription registry over one transaction; secrets are written sealed and never read back here. */
final class SubscriptionStore implements SubscriptionRows {
    private final DSLContext tx;

    SubscriptionStore(DSLContext tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Subscription s, EncryptedSecret secret) {
        long pk = tx.insertInto(SUBSCRIPTION)
                .set(SUBSCRIPTION.ID, s.id()).set(SUBSCRIPTION.NAME, s.name()).set(SUBSCRIPTION.URL, s.url())
                .set(SUBSCRIPTION.EVENT_TYPES, s.eventTypes().stored()).set(SUBSCRIPTION.FORMAT, s.format())
                .set(SUBSCRIPTION.ENABLED, s.enabled()).set(SUBSCRIPTION.DISABLED_REASON, s.disabledReason())
                .set(SUBSCRIPTION.CREATED_AT, Clock.toDb(s.createdAt())).set(SUBSCRIPTION.UPDATED_AT, Clock.toDb(s.updatedAt()))
                .set(SUBSCRIPTION.TIMEOUT_MS, timeoutMs(s.limits())).set(SUBSCRIPTION.MAX_ATTEMPTS, s.limits().maxAttempts())
                .returningResult(SUBSCRIPTION.PK).fetchOne().value1();
        tx.insertInto(SUBSCRIPTION_SECRET).set(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK, pk)
                .set(SUBSCRIPTION_SECRET.NONCE, secret.nonce()).set(SUBSCRIPTION_SECRET.CIPHERTEXT, secret.ciphertext())
                .set(SUBSCRIPTION_SECRET.CREATED_AT, Clock.toDb(s.createdAt())).execute();
    }

    @Override
    public Optional<Subscription> lockById(String id) {
        return tx.selectFrom(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(id)).forUpdate().fetchOptional(SubscriptionStore::toSubscription);
    }

    @Override
    public void update(Subscription s) {
        tx.update(SUBSCRIPTION).set(SUBSCRIPTION.NAME, s.name()).set(SUBSCRIPTION.URL, s.url())
                .set(SUBSCRIPTION.EVENT_TYPES, s.eventTypes().stored()).set(SUBSCRIPTION.ENABLED, s.enabled())
                .set(SUBSCRIPTION.DISABLED_REASON, s.disabledReason()).set(SUBSCRIPTION.UPDATED_AT, Clock.toDb(s.updatedAt()))
                .set(SUBSCRIPTION.TIMEOUT_MS, timeoutMs(s.limits())).set(SUBSCRIPTION.MAX_ATTEMPTS, s.limits().maxAttempts())
                .set(SUBSCRIPTION.FAILING_SINCE, s.failingSince() == null ? null : Clock.toDb(s.failingSince()))
                .where(SUBSCRIPTION.ID.eq(s.id())).execute();
    }

    /** Deliveries, attempts and the secret go with it (ON DELETE CASCADE). */
    @Override
    public void delete(String id) {
        tx.deleteFrom(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(id)).execute();
    }

    @Override
    public boolean disableByPk(long subscriptionPk, String reason, Instant at) {
        return tx.update(SUBSCRIPTION).set(SUBSCRIPTION.ENABLED, false).set(SUBSCRIPTION.DISABLED_REASON, reason)
                .set(SUBSCRIPTION.UPDATED_AT, Clock.toDb(at))
                .where(SUBSCRIPTION.PK.eq(subscriptionPk)).and(SUBSCRIPTION.ENABLED.isTrue()).execute() == 1;
    }

    @Override
    public Instant failed(long subscriptionPk, Instant at) {
        tx.update(SUBSCRIPTION).set(SUBSCRIPTION.FAILING_SINCE, Clock.toDb(at))
                .where(SUBSCRIPTION.PK.eq(subscriptionPk)).and(SUBSCRIPTION.FAILING_SINCE.isNull()).execute();
        LocalDateTime since = tx.select(SUBSCRIPTION.FAILING_SINCE).from(SUBSCRIPTION).where(SUBSCRIPTION.PK.eq(subscriptionPk))
                .fetchOne(SUBSCRIPTION.FAILING_SINCE);
        return since == null ? at : Clock.fromDb(since);
    }

    /** Writes only when something changes: failing ends, or the last success is a second old (bounded writes per row). */
    @Override
    public void succeeded(long subscriptionPk, Instant at) {
        LocalDateTime now = Clock.toDb(at);
        tx.update(SUBSCRIPTION).setNull(SUBSCRIPTION.FAILING_SINCE).set(SUBSCRIPTION.LAST_SUCCESS_AT, now)
                .where(SUBSCRIPTION.PK.eq(subscriptionPk))
                .and(SUBSCRIPTION.FAILING_SINCE.isNotNull().or(SUBSCRIPTION.LAST_SUCCESS_AT.isNull())
                        .or(SUBSCRIPTION.LAST_SUCCESS_AT.lt(now.minusSeconds(1))))
                .execute();
    }

    static Subscription toSubscription(SubscriptionRecord r) {
        return new Subscription(r.getId(), r.getName(), r.getUrl(), EventTypeFilter.parse(r.getEventTypes()), r.getFormat(),
                r.getEnabled(), r.getDisabledReason(), Clock.fromDb(r.getCreatedAt()), Clock.fromDb(r.getUpdatedAt()),
                limits(r.getTimeoutMs(), r.getMaxAttempts()), Clock.fromDb(r.getFailingSince()));
    }

    /** Stored limits as read; out-of-bounds values (written by an older rule) fall back to the defaults. */
    static DeliveryLimits limits(Integer timeoutMs, Integer maxAttempts) {
        try {
            return new DeliveryLimits(timeoutMs == null ? null : Duration.ofMillis(timeoutMs), maxAttempts);
        } catch (IllegalArgumentException e) {
            return DeliveryLimits.DEFAULTS;
        }
    }

    private static Integer timeoutMs(DeliveryLimits limits) {
        return limits.timeout() == null ? null : Math.toIntExact(limits.timeout().toMillis());
    }
}
