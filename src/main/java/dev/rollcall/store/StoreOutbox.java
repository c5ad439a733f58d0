package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import dev.rollcall.delivery.RulesJson;
import dev.rollcall.delivery.SnapshotJson;
import dev.rollcall.delivery.rules.EventTypeFilter;
import dev.rollcall.delivery.rules.OutboxRouting;
import dev.rollcall.delivery.rules.SubscriptionTarget;
import dev.rollcall.events.NewEvent;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The outbox: when the change is about to commit, one delivery row per announced event per enabled
 * subscription that wants its type, and per event that gets any, its snapshot (the person's state,
 * personas and golden attributes, or the group's flattened membership, as the change leaves them),
 * which the event log keeps on the event's row.
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

    /** One delivery row to write. */
    record DeliveryRow(long subscription, String eventId, NewEvent event, boolean due, LocalDateTime at) {
    }

    /** What the outbox adds to a change: each delivered event's snapshot (by event id) and the delivery rows. */
    record Plan(Map<String, String> snapshots, List<DeliveryRow> deliveries) {
        static final Plan NONE = new Plan(Map.of(), List.of());
    }

    /** Routes the change's announced events to the enabled subscriptions that want them; writes nothing. */
    Plan plan(DSLContext tx, List<Appended> appended, TxReads reads) {
        if (appended.stream().flatMap(a -> a.events().stream()).noneMatch(NewEvent::announced)) {
            return Plan.NONE;
        }
        List<SubscriptionTarget> enabled = tx.select(SUBSCRIPTION.PK, SUBSCRIPTION.EVENT_TYPES, SUBSCRIPTION.PERSON_FILTER)
                .from(SUBSCRIPTION)
                .where(SUBSCRIPTION.ENABLED.isTrue())
                .fetch(r -> new SubscriptionTarget(r.value1(), EventTypeFilter.parse(r.value2()),
                        rules.storedFilter(SubscriptionStore.text(r.value3()))));
        if (enabled.isEmpty()) {
            return Plan.NONE;
        }
        StoreSnapshots snapshots = new StoreSnapshots(tx, persons, facts, groups, reads);
        OpenChains chains = new OpenChains(tx, reads);
        Map<String, String> kept = new HashMap<>();
        List<DeliveryRow> rows = new ArrayList<>();
        String txn = appended.get(0).ids().get(0);
        for (Appended a : appended) {
            for (int i = 0; i < a.events().size(); i++) {
                NewEvent e = a.events().get(i);
                List<Long> subscribers = routing.subscribers(enabled, e, () -> snapshots.of(e));
                if (subscribers.isEmpty()) {
                    continue;
                }
                kept.put(a.ids().get(i), snapshotJson.write(snapshots.of(e), txn));
                Set<Long> open = e.personId() == null ? Set.of() : chains.of(e.personId(), subscribers);
                for (long subscription : subscribers) {
                    rows.add(new DeliveryRow(subscription, a.ids().get(i), e, !open.contains(subscription), a.at()));
                }
            }
        }
        return new Plan(kept, rows);
    }

    /** The planned delivery rows in one statement (after their events: a delivery names its event). */
    void insertDeliveries(DSLContext tx, Plan plan) {
        if (plan.deliveries().isEmpty()) {
            return;
        }
        var insert = tx.insertInto(DELIVERY, DELIVERY.ID, DELIVERY.SUBSCRIPTION_PK, DELIVERY.EVENT_ID, DELIVERY.EVENT_TYPE,
                DELIVERY.PERSON_ID, DELIVERY.PERSON_SEQ, DELIVERY.STATUS, DELIVERY.ATTEMPTS, DELIVERY.NEXT_ATTEMPT_AT,
                DELIVERY.CREATED_AT);
        for (DeliveryRow d : plan.deliveries()) {
            insert = insert.values(UUID.randomUUID().toString(), d.subscription(), d.eventId(), d.event().type().wireName(),
                    d.event().personId(), d.event().personSeq(), DeliveryStatus.pending, 0, d.due() ? d.at() : null, d.at());
        }
        insert.execute();
    }
}
