package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.EVENT_SNAPSHOT;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import dev.rollcall.delivery.RulesJson;
import dev.rollcall.delivery.SnapshotJson;
import dev.rollcall.delivery.rules.EventTypeFilter;
import dev.rollcall.delivery.rules.OutboxRouting;
import dev.rollcall.delivery.rules.SubscriptionTarget;
import dev.rollcall.events.NewEvent;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * The outbox: when the change is about to commit, one delivery row per announced event per enabled
 * subscription that wants its type, and per event that gets any, its snapshot (the person's state,
 * personas and golden attributes, or the group's flattened membership, as the change leaves them).
 * Subscriptions are read in this transaction, so one created a moment ago receives the next event.
 * Per (subscription, person) only the first open delivery is due at once; the ones behind it wait
 * (next_attempt_at NULL) and are released in order as it finishes.
 */
final class StoreOutbox {
    static final List<DeliveryStatus> OPEN = List.of(DeliveryStatus.pending, DeliveryStatus.leased, DeliveryStatus.failed);
    private final OutboxRouting routing = new OutboxRouting();
    private final PersonStore persons;
    private final FactsJson facts;
    private final GroupStore groups;
    private final SnapshotJson snapshotJson;
    private final RulesJson rules;

    StoreOutbox(PersonStore persons, FactsJson facts, GroupStore groups, SnapshotJson snapshotJson, RulesJson rules) {
        this.persons = persons;
        this.facts = facts;
        this.groups = groups;
        this.snapshotJson = snapshotJson;
        this.rules = rules;
    }

    /** Events appended in one call; {@code ids} are the ULIDs they were stored with, in the same order. */
    record Appended(LocalDateTime at, List<String> ids, List<NewEvent> events) {
    }

    void add(DSLContext tx, List<Appended> appended, TxReads reads) {
        if (appended.stream().flatMap(a -> a.events().stream()).noneMatch(NewEvent::announced)) {
            return;
        }
        List<SubscriptionTarget> enabled = tx.select(SUBSCRIPTION.PK, SUBSCRIPTION.EVENT_TYPES, SUBSCRIPTION.PERSON_FILTER)
                .from(SUBSCRIPTION)
                .where(SUBSCRIPTION.ENABLED.isTrue())
                .fetch(r -> new SubscriptionTarget(r.value1(), EventTypeFilter.parse(r.value2()),
                        rules.storedFilter(SubscriptionStore.text(r.value3()))));
        if (enabled.isEmpty()) {
            return;
        }
        StoreSnapshots snapshots = new StoreSnapshots(tx, persons, facts, groups, reads);
        OpenChains chains = new OpenChains(tx, reads);
        var insert = tx.insertInto(DELIVERY, DELIVERY.ID, DELIVERY.SUBSCRIPTION_PK, DELIVERY.EVENT_ID, DELIVERY.EVENT_TYPE,
                DELIVERY.PERSON_ID, DELIVERY.PERSON_SEQ, DELIVERY.STATUS, DELIVERY.ATTEMPTS, DELIVERY.NEXT_ATTEMPT_AT,
                DELIVERY.CREATED_AT);
        var snapshotRows = tx.insertInto(EVENT_SNAPSHOT, EVENT_SNAPSHOT.EVENT_ID, EVENT_SNAPSHOT.SNAPSHOT);
        boolean any = false;
        String txn = appended.get(0).ids().get(0);
        for (Appended a : appended) {
            for (int i = 0; i < a.events().size(); i++) {
                NewEvent e = a.events().get(i);
                List<Long> subscribers = routing.subscribers(enabled, e, () -> snapshots.of(e));
                if (subscribers.isEmpty()) {
                    continue;
                }
                snapshotRows = snapshotRows.values(a.ids().get(i), JSON.valueOf(snapshotJson.write(snapshots.of(e), txn)));
                Set<Long> open = e.personId() == null ? Set.of() : chains.of(e.personId(), subscribers);
                for (long subscription : subscribers) {
                    boolean due = !open.contains(subscription);
                    insert = insert.values(UUID.randomUUID().toString(), subscription, a.ids().get(i), e.type().wireName(),
                            e.personId(), e.personSeq(), DeliveryStatus.pending, 0, due ? a.at() : null, a.at());
                    any = true;
                }
            }
        }
        if (any) {
            snapshotRows.execute();
            insert.execute();
        }
    }
}
