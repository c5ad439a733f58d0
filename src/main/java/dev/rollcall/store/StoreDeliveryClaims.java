package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.EVENT_SNAPSHOT;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION_SECRET;

import dev.rollcall.delivery.RulesJson;
import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.DeliveryClaims;
import dev.rollcall.delivery.rules.EncryptedSecret;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SelectForUpdateWaitStep;

/**
 * Claims due deliveries in a short READ COMMITTED transaction (the pool's isolation). Each status is
 * one range of ix_delivery_due (status, next_attempt_at, pk), walked in index order with FOR UPDATE
 * SKIP LOCKED: expired leases first (a leased row's next_attempt_at is its lease expiry), then
 * retries, then new ones. Only the head of each (subscription, person) chain has a next_attempt_at,
 * so the order rule costs the claim nothing. The claimed rows are leased before commit; the event,
 * subscription and secret are read afterwards without locks so that claimers never queue on them.
 */
public final class StoreDeliveryClaims implements DeliveryClaims {
    private static final List<DeliveryStatus> CLAIM_ORDER = List.of(DeliveryStatus.leased, DeliveryStatus.failed,
            DeliveryStatus.pending);
    private final Transactions transactions;
    private final RulesJson rules;

    public StoreDeliveryClaims(Transactions transactions, RulesJson rules) {
        this.transactions = transactions;
        this.rules = rules;
    }

    @Override
    public List<ClaimedDelivery> claim(Instant now, String owner, Instant leaseUntil, int limit) {
        LocalDateTime at = Clock.toDb(now);
        LocalDateTime until = Clock.toDb(leaseUntil);
        return transactions.inTransaction(tx -> {
            List<Long> pks = new ArrayList<>();
            for (DeliveryStatus status : CLAIM_ORDER) {
                if (pks.size() < limit) {
                    pks.addAll(dueQuery(tx, status, at, limit - pks.size()).skipLocked().fetch(DELIVERY.PK));
                }
            }
            if (pks.isEmpty()) {
                return List.of();
            }
            tx.update(DELIVERY).set(DELIVERY.STATUS, DeliveryStatus.leased).set(DELIVERY.LEASE_OWNER, owner)
                    .set(DELIVERY.LEASE_UNTIL, until).set(DELIVERY.NEXT_ATTEMPT_AT, until)
                    .where(DELIVERY.PK.in(pks)).execute();
            return details(tx, pks, at);
        });
    }

    /**
     * Due rows of one status in the order of ix_delivery_due after its equality column. Naming status in
     * the ORDER BY too makes MariaDB 10.11 filesort, which reads and locks every due row (TimerClaimsTest).
     */
    static SelectForUpdateWaitStep<org.jooq.Record1<Long>> dueQuery(DSLContext tx, DeliveryStatus status, LocalDateTime at,
                                                                   int limit) {
        return tx.select(DELIVERY.PK).from(DELIVERY)
                .where(DELIVERY.STATUS.eq(status)).and(DELIVERY.NEXT_ATTEMPT_AT.le(at))
                .orderBy(DELIVERY.NEXT_ATTEMPT_AT, DELIVERY.PK)
                .limit(limit)
                .forUpdate();
    }

    /**
     * What sending the claimed rows needs, in pk order: the rows with their subscriptions, then each event
     * once (a change's event goes to many subscriptions: its payload and snapshot are read and parsed
     * once, not once per delivery), then the valid secrets of each subscription.
     */
    private List<ClaimedDelivery> details(DSLContext tx, List<Long> pks, LocalDateTime now) {
        var rows = tx.select(DELIVERY.PK, DELIVERY.ID, DELIVERY.ATTEMPTS, SUBSCRIPTION.PK, SUBSCRIPTION.ID, SUBSCRIPTION.URL,
                        SUBSCRIPTION.ENABLED, DELIVERY.EVENT_ID, SUBSCRIPTION.FORMAT, SUBSCRIPTION.SIGNING,
                        SUBSCRIPTION.ATTRIBUTE_MAPPING, DELIVERY.ROUND_BASE, SUBSCRIPTION.TIMEOUT_MS, SUBSCRIPTION.MAX_ATTEMPTS)
                .from(DELIVERY)
                .join(SUBSCRIPTION).on(SUBSCRIPTION.PK.eq(DELIVERY.SUBSCRIPTION_PK))
                .where(DELIVERY.PK.in(pks))
                .orderBy(DELIVERY.PK)
                .fetch();
        Map<String, Event> events = new HashMap<>();
        tx.select(EVENT.ID, EVENT.TYPE, EVENT.PERSON_ID, EVENT.PERSON_SEQ, EVENT.GROUP_ID, EVENT.CREATED_AT, EVENT.PAYLOAD,
                        EVENT_SNAPSHOT.SNAPSHOT)
                .from(EVENT)
                .leftJoin(EVENT_SNAPSHOT).on(EVENT_SNAPSHOT.EVENT_ID.eq(EVENT.ID))
                .where(EVENT.ID.in(rows.getValues(DELIVERY.EVENT_ID).stream().distinct().toList()))
                .forEach(r -> events.put(r.value1(), new Event(r.value2(), r.value3(), r.value4(), r.value5(),
                        Clock.fromDb(r.value6()), r.value7().data(), SubscriptionStore.text(r.value8()))));
        Map<Long, List<EncryptedSecret>> secrets = validSecrets(tx, rows.stream().map(r -> r.value4()).distinct().toList(), now);
        Map<String, AttributeMapping> mappings = new HashMap<>();
        List<ClaimedDelivery> out = new ArrayList<>(rows.size());
        for (var r : rows) {
            Event e = events.get(r.value8());
            if (e == null) {
                continue; // as the inner join did: no delivery without its event
            }
            String mappingText = SubscriptionStore.text(r.value11());
            AttributeMapping mapping = mappingText == null ? rules.storedMapping(null)
                    : mappings.computeIfAbsent(mappingText, rules::storedMapping);
            out.add(new ClaimedDelivery(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                    secrets.getOrDefault(r.value4(), List.of()), r.value8(), e.type(), e.personId(), e.personSeq(), e.groupId(),
                    e.at(), e.payload(), e.snapshot(), r.value9(), r.value10(), mapping, r.value12(),
                    SubscriptionStore.limits(r.value13(), r.value14())));
        }
        return out;
    }

    /** An event as its deliveries send it. */
    private record Event(String type, String personId, Long personSeq, String groupId, Instant at, String payload,
                         String snapshot) {
    }

    /** Per subscription its secrets that still sign: the current one first, then those whose overlap has not run out. */
    static Map<Long, List<EncryptedSecret>> validSecrets(DSLContext tx, List<Long> subscriptionPks, LocalDateTime now) {
        Map<Long, List<EncryptedSecret>> out = new HashMap<>();
        tx.select(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK, SUBSCRIPTION_SECRET.NONCE, SUBSCRIPTION_SECRET.CIPHERTEXT)
                .from(SUBSCRIPTION_SECRET)
                .where(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK.in(subscriptionPks))
                .and(SUBSCRIPTION_SECRET.EXPIRES_AT.isNull().or(SUBSCRIPTION_SECRET.EXPIRES_AT.gt(now)))
                .orderBy(SUBSCRIPTION_SECRET.PK.desc())
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new EncryptedSecret(r.value2(), r.value3())));
        return out;
    }
}
