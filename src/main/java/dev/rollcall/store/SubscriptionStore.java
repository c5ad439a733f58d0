package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION_SECRET;

import dev.rollcall.delivery.RulesJson;
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
import org.jooq.JSON;
import org.jooq.impl.DSL;

/** The subscription registry over one transaction; secrets are written sealed and never read back here. */
final class SubscriptionStore implements SubscriptionRows {
    private final DSLContext tx;
    private final RulesJson rules;

    SubscriptionStore(DSLContext tx, RulesJson rules) {
        this.tx = tx;
        this.rules = rules;
    }

    @Override
    public void insert(Subscription s, EncryptedSecret secret) {
        long pk = tx.insertInto(SUBSCRIPTION)
                .set(SUBSCRIPTION.ID, s.id()).set(SUBSCRIPTION.NAME, s.name()).set(SUBSCRIPTION.URL, s.url())
                .set(SUBSCRIPTION.EVENT_TYPES, s.eventTypes().stored()).set(SUBSCRIPTION.FORMAT, s.format())
                .set(SUBSCRIPTION.ENABLED, s.enabled()).set(SUBSCRIPTION.DISABLED_REASON, s.disabledReason())
                .set(SUBSCRIPTION.CREATED_AT, Clock.toDb(s.createdAt())).set(SUBSCRIPTION.UPDATED_AT, Clock.toDb(s.updatedAt()))
                .set(SUBSCRIPTION.ATTRIBUTE_MAPPING, json(rules.store(s.mapping())))
                .set(SUBSCRIPTION.PERSON_FILTER, json(rules.store(s.filter()))).set(SUBSCRIPTION.SIGNING, s.signing())
                .set(SUBSCRIPTION.TIMEOUT_MS, timeoutMs(s.limits())).set(SUBSCRIPTION.MAX_ATTEMPTS, s.limits().maxAttempts())
                .returningResult(SUBSCRIPTION.PK).fetchOne().value1();
        tx.insertInto(SUBSCRIPTION_SECRET).set(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK, pk)
                .set(SUBSCRIPTION_SECRET.NONCE, secret.nonce()).set(SUBSCRIPTION_SECRET.CIPHERTEXT, secret.ciphertext())
                .set(SUBSCRIPTION_SECRET.CREATED_AT, Clock.toDb(s.createdAt())).execute();
    }

    @Override
    public Optional<Subscription> lockById(String id) {
        return tx.selectFrom(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(id)).forUpdate().fetchOptional(r -> toSubscription(r, rules));
    }

    @Override
    public void update(Subscription s) {
        tx.update(SUBSCRIPTION).set(SUBSCRIPTION.NAME, s.name()).set(SUBSCRIPTION.URL, s.url())
                .set(SUBSCRIPTION.EVENT_TYPES, s.eventTypes().stored()).set(SUBSCRIPTION.ENABLED, s.enabled())
                .set(SUBSCRIPTION.DISABLED_REASON, s.disabledReason()).set(SUBSCRIPTION.UPDATED_AT, Clock.toDb(s.updatedAt()))
                .set(SUBSCRIPTION.ATTRIBUTE_MAPPING, json(rules.store(s.mapping())))
                .set(SUBSCRIPTION.PERSON_FILTER, json(rules.store(s.filter()))).set(SUBSCRIPTION.SIGNING, s.signing())
                .set(SUBSCRIPTION.TIMEOUT_MS, timeoutMs(s.limits())).set(SUBSCRIPTION.MAX_ATTEMPTS, s.limits().maxAttempts())
                .set(SUBSCRIPTION.FAILING_SINCE, s.failingSince() == null ? null : Clock.toDb(s.failingSince()))
                .where(SUBSCRIPTION.ID.eq(s.id())).execute();
    }

    @Override
    public void rotateSecret(String id, EncryptedSecret fresh, Instant now, Instant previousUntil) {
        var pk = DSL.select(SUBSCRIPTION.PK).from(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(id));
        long subscriptionPk = tx.fetchValue(pk);
        LocalDateTime at = Clock.toDb(now);
        LocalDateTime until = Clock.toDb(previousUntil);
        tx.deleteFrom(SUBSCRIPTION_SECRET).where(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK.eq(subscriptionPk))
                .and(SUBSCRIPTION_SECRET.EXPIRES_AT.le(at)).execute();
        tx.update(SUBSCRIPTION_SECRET).set(SUBSCRIPTION_SECRET.EXPIRES_AT, until)
                .where(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK.eq(subscriptionPk))
                .and(SUBSCRIPTION_SECRET.EXPIRES_AT.isNull().or(SUBSCRIPTION_SECRET.EXPIRES_AT.gt(until))).execute();
        tx.insertInto(SUBSCRIPTION_SECRET).set(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK, subscriptionPk)
                .set(SUBSCRIPTION_SECRET.NONCE, fresh.nonce()).set(SUBSCRIPTION_SECRET.CIPHERTEXT, fresh.ciphertext())
                .set(SUBSCRIPTION_SECRET.CREATED_AT, at).execute();
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

    static Subscription toSubscription(SubscriptionRecord r, RulesJson rules) {
        return new Subscription(r.getId(), r.getName(), r.getUrl(), EventTypeFilter.parse(r.getEventTypes()), r.getFormat(),
                r.getEnabled(), r.getDisabledReason(), Clock.fromDb(r.getCreatedAt()), Clock.fromDb(r.getUpdatedAt()),
                rules.storedMapping(text(r.getAttributeMapping())), rules.storedFilter(text(r.getPersonFilter())), r.getSigning(),
                limits(r.getTimeoutMs(), r.getMaxAttempts()), Clock.fromDb(r.getFailingSince()));
    }

    static JSON json(String text) {
        return text == null ? null : JSON.valueOf(text);
    }

    static String text(JSON value) {
        return value == null ? null : value.data();
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
