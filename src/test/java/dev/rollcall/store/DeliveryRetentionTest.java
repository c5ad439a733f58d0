package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ATTEMPT;
import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.EVENT_SNAPSHOT;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.delivery.DeliveryObserver;
import dev.rollcall.delivery.DeliveryRetentionSweep;
import dev.rollcall.delivery.rules.DeliveryRetention;
import dev.rollcall.delivery.rules.DeliveryRetention.Finished;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery retention on real MariaDB: finished deliveries older than the retention go with their
 * attempts, and an old event's snapshot once no delivery refers to it; open deliveries, young ones, late
 * finishers and the events themselves stay.
 */
class DeliveryRetentionTest {
    private static final Duration KEEP = Duration.ofDays(30);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 12, 0);
    private static final LocalDateTime CUTOFF = NOW.minus(KEEP);
    private static final Instant CUTOFF_INSTANT = CUTOFF.toInstant(ZoneOffset.UTC);
    private FilterTestDatabase db;
    private Transactions transactions;
    private int events;
    private long subscription;
    private String late;
    private String alone;
    private String shared;
    private String later;
    private long replayedLate;
    private long oldDead;
    private long oldDelivered;
    private long openOfShared;
    private long oldFailed;
    private long young;

    @BeforeEach
    void deliveries() {
        db = new FilterTestDatabase();
        transactions = new Transactions(db.database());
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            subscription = DeliveryRowsFixture.subscription(tx, NOW.minusDays(60));
            // events in id order, as ULIDs are; deliveries inserted in this order, so in this pk order
            late = event(tx, CUTOFF.minusDays(5));
            alone = event(tx, CUTOFF.minusDays(3));
            shared = event(tx, CUTOFF.minusDays(2));
            later = event(tx, CUTOFF.plusHours(1));
            replayedLate = delivery(tx, late, DeliveryStatus.delivered, CUTOFF.minusDays(5), CUTOFF.plusHours(1));
            oldDead = delivery(tx, alone, DeliveryStatus.dead, CUTOFF.minusDays(3), CUTOFF.minusDays(2));
            oldDelivered = delivery(tx, shared, DeliveryStatus.delivered, CUTOFF.minusDays(2), CUTOFF.minusDays(1));
            openOfShared = delivery(tx, shared, DeliveryStatus.pending, CUTOFF.minusDays(2), null);
            oldFailed = delivery(tx, shared, DeliveryStatus.failed, CUTOFF.minusDays(2), null);
            young = delivery(tx, later, DeliveryStatus.delivered, CUTOFF.plusHours(1), CUTOFF.plusHours(2));
        });
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private DeliveryRetentionSweep sweep(int window) {
        return new DeliveryRetentionSweep(new StoreDeliveryRetention(transactions), KEEP, DeliveryObserver.NONE,
                java.time.Clock.fixed(NOW.toInstant(ZoneOffset.UTC), ZoneOffset.UTC), window);
    }

    @Test
    void aSweepDeletesFinishedDeliveriesOlderThanTheRetentionWithTheirAttempts() {
        sweep(2).runOnce();

        assertThat(db.dsl().select(DELIVERY.PK).from(DELIVERY).orderBy(DELIVERY.PK).fetch(DELIVERY.PK))
                .containsExactly(replayedLate, openOfShared, oldFailed, young);
        assertThat(db.dsl().fetchCount(ATTEMPT, ATTEMPT.DELIVERY_PK.in(oldDead, oldDelivered))).isZero();
        assertThat(db.dsl().fetchCount(ATTEMPT, ATTEMPT.DELIVERY_PK.eq(replayedLate))).isEqualTo(2);
        assertThat(db.dsl().fetchCount(EVENT)).as("events are the persons' timelines").isEqualTo(4);
        assertThat(db.dsl().select(EVENT_SNAPSHOT.EVENT_ID).from(EVENT_SNAPSHOT).orderBy(EVENT_SNAPSHOT.EVENT_ID)
                .fetch(EVENT_SNAPSHOT.EVENT_ID)).as("the dead one's went with it; the others are still referred to")
                .containsExactly(late, shared, later);
    }

    @Test
    void aSnapshotGoesOnceNoDeliveryOfItsEventIsLeft() {
        db.dsl().update(DELIVERY).set(DELIVERY.STATUS, DeliveryStatus.delivered).set(DELIVERY.NEXT_ATTEMPT_AT, (LocalDateTime) null)
                .set(DELIVERY.FINISHED_AT, CUTOFF.minusHours(1)).where(DELIVERY.PK.in(openOfShared, oldFailed)).execute();
        sweep(500).runOnce();
        assertThat(db.dsl().select(EVENT_SNAPSHOT.EVENT_ID).from(EVENT_SNAPSHOT).orderBy(EVENT_SNAPSHOT.EVENT_ID)
                .fetch(EVENT_SNAPSHOT.EVENT_ID)).containsExactly(late, later);
    }

    @Test
    void theSnapshotsOfADeletedSubscriptionsOldEventsGoToo() {
        String orphan = db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long other = tx.insertInto(SUBSCRIPTION).set(SUBSCRIPTION.ID, "s-2").set(SUBSCRIPTION.NAME, "crm")
                    .set(SUBSCRIPTION.URL, "http://127.0.0.1:1/").set(SUBSCRIPTION.EVENT_TYPES, "*")
                    .set(SUBSCRIPTION.FORMAT, "standard-webhooks").set(SUBSCRIPTION.ENABLED, true)
                    .set(SUBSCRIPTION.CREATED_AT, NOW.minusDays(60)).set(SUBSCRIPTION.UPDATED_AT, NOW.minusDays(60))
                    .returningResult(SUBSCRIPTION.PK).fetchOne().value1();
            String e = event(tx, CUTOFF.plusHours(2));
            long pk = delivery(tx, e, DeliveryStatus.pending, CUTOFF.plusHours(2), null);
            tx.update(DELIVERY).set(DELIVERY.SUBSCRIPTION_PK, other).where(DELIVERY.PK.eq(pk)).execute();
            tx.deleteFrom(SUBSCRIPTION).where(SUBSCRIPTION.PK.eq(other)).execute();
            return e;
        });
        StoreDeliveryRetention retention = new StoreDeliveryRetention(transactions);
        assertThat(retention.purgeSnapshots(CUTOFF_INSTANT, "", 500).snapshots()).as("its event is not old yet").isZero();

        DeliveryRetention.SnapshotPass later = retention.purgeSnapshots(CUTOFF_INSTANT.plus(Duration.ofDays(1)), "", 500);

        assertThat(later.snapshots()).as("the others' deliveries are all still there").isEqualTo(1);
        assertThat(db.dsl().fetchExists(EVENT_SNAPSHOT, EVENT_SNAPSHOT.EVENT_ID.eq(orphan))).isFalse();
    }

    @Test
    void aWindowStepsOverLateFinishersAndStopsAtRowsMadeAfterTheCutoff() {
        StoreDeliveryRetention retention = new StoreDeliveryRetention(transactions);

        DeliveryRetention.Pass first = retention.purge(Finished.DELIVERED, CUTOFF_INSTANT, 0, 2);
        assertThat(first).isEqualTo(new DeliveryRetention.Pass(1, oldDelivered, false));
        DeliveryRetention.Pass second = retention.purge(Finished.DELIVERED, CUTOFF_INSTANT, first.next(), 2);
        assertThat(second).isEqualTo(new DeliveryRetention.Pass(0, young, true));
        DeliveryRetention.Pass dead = retention.purge(Finished.DEAD, CUTOFF_INSTANT, 0, 2);
        assertThat(dead).isEqualTo(new DeliveryRetention.Pass(1, oldDead, true));
        assertThat(retention.purge(Finished.DEAD, CUTOFF_INSTANT, dead.next(), 2)).isEqualTo(new DeliveryRetention.Pass(0, oldDead, true));

        DeliveryRetention.SnapshotPass snapshots = retention.purgeSnapshots(CUTOFF_INSTANT, "", 2);
        assertThat(snapshots).isEqualTo(new DeliveryRetention.SnapshotPass(1, alone, false));
        assertThat(retention.purgeSnapshots(CUTOFF_INSTANT, alone, 2))
                .as("the shared event is still referred to; the later one is after the cutoff")
                .isEqualTo(new DeliveryRetention.SnapshotPass(0, later, true));
    }

    /** An announced event with its snapshot, its id after every earlier one's. */
    private String event(DSLContext tx, LocalDateTime at) {
        String id = String.format("E%025d", ++events);
        tx.insertInto(EVENT).set(EVENT.ID, id).set(EVENT.TYPE, "person.updated").set(EVENT.PERSON_ID, UUID.randomUUID().toString())
                .set(EVENT.PERSON_SEQ, 1L).set(EVENT.PAYLOAD, JSON.valueOf("{}")).set(EVENT.ANNOUNCED, true)
                .set(EVENT.CREATED_AT, at).execute();
        tx.insertInto(EVENT_SNAPSHOT).set(EVENT_SNAPSHOT.EVENT_ID, id).set(EVENT_SNAPSHOT.SNAPSHOT, JSON.valueOf("{}")).execute();
        return id;
    }

    /** A delivery of the event in that state, with two attempts; its pk. */
    private long delivery(DSLContext tx, String event, DeliveryStatus status, LocalDateTime created, LocalDateTime finished) {
        long pk = tx.insertInto(DELIVERY).set(DELIVERY.ID, UUID.randomUUID().toString()).set(DELIVERY.SUBSCRIPTION_PK, subscription)
                .set(DELIVERY.EVENT_ID, event).set(DELIVERY.EVENT_TYPE, "person.updated").set(DELIVERY.PERSON_ID, "p-" + event)
                .set(DELIVERY.PERSON_SEQ, 1L).set(DELIVERY.STATUS, status).set(DELIVERY.ATTEMPTS, 2)
                .set(DELIVERY.NEXT_ATTEMPT_AT, status == DeliveryStatus.failed ? NOW : null)
                .set(DELIVERY.FINISHED_AT, finished).set(DELIVERY.CREATED_AT, created)
                .returningResult(DELIVERY.PK).fetchOne().value1();
        for (int i = 0; i < 2; i++) {
            tx.insertInto(ATTEMPT).set(ATTEMPT.DELIVERY_PK, pk).set(ATTEMPT.AT, created.plusMinutes(i)).set(ATTEMPT.LATENCY_MS, 5L)
                    .set(ATTEMPT.STATUS_CODE, 500).execute();
        }
        return pk;
    }
}
