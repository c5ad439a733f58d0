package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ATTEMPT;
import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.EVENT_SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.delivery.DeliveryObserver;
import dev.rollcall.delivery.DeliveryRetentionSweep;
import dev.rollcall.delivery.rules.DeliveryRetention;
import dev.rollcall.delivery.rules.DeliveryRetention.Finished;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.Duration;
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
 * attempts, and an event's snapshot with its last delivery; open deliveries, young ones, late finishers
 * and the events themselves stay.
 */
class DeliveryRetentionTest {
    private static final Duration KEEP = Duration.ofDays(30);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 12, 0);
    private static final LocalDateTime CUTOFF = NOW.minus(KEEP);
    private FilterTestDatabase db;
    private Transactions transactions;
    private long subscription;
    private String shared;
    private String alone;
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
            shared = event(tx, CUTOFF.minusDays(5));
            alone = event(tx, CUTOFF.minusDays(3));
            String late = event(tx, CUTOFF.minusDays(5));
            String later = event(tx, CUTOFF.plusHours(1));
            // inserted in this order, so in this pk order
            replayedLate = delivery(tx, late, DeliveryStatus.delivered, CUTOFF.minusDays(5), CUTOFF.plusHours(1));
            oldDead = delivery(tx, alone, DeliveryStatus.dead, CUTOFF.minusDays(3), CUTOFF.minusDays(2));
            oldDelivered = delivery(tx, shared, DeliveryStatus.delivered, CUTOFF.minusDays(5), CUTOFF.minusDays(1));
            openOfShared = delivery(tx, shared, DeliveryStatus.pending, CUTOFF.minusDays(5), null);
            oldFailed = delivery(tx, shared, DeliveryStatus.failed, CUTOFF.minusDays(5), null);
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
    }

    @Test
    void aSnapshotGoesWithTheLastDeliveryOfItsEvent() {
        sweep(500).runOnce();
        assertThat(db.dsl().fetchExists(EVENT_SNAPSHOT, EVENT_SNAPSHOT.EVENT_ID.eq(alone))).isFalse();
        assertThat(db.dsl().fetchExists(EVENT_SNAPSHOT, EVENT_SNAPSHOT.EVENT_ID.eq(shared)))
                .as("two deliveries of the event are still open").isTrue();

        db.dsl().update(DELIVERY).set(DELIVERY.STATUS, DeliveryStatus.delivered).set(DELIVERY.NEXT_ATTEMPT_AT, (LocalDateTime) null)
                .set(DELIVERY.FINISHED_AT, CUTOFF.minusHours(1)).where(DELIVERY.PK.in(openOfShared, oldFailed)).execute();
        sweep(500).runOnce();
        assertThat(db.dsl().fetchExists(EVENT_SNAPSHOT, EVENT_SNAPSHOT.EVENT_ID.eq(shared))).isFalse();
        assertThat(db.dsl().fetchCount(EVENT_SNAPSHOT)).as("the late finisher's and the young one's").isEqualTo(2);
    }

    @Test
    void aWindowStepsOverLateFinishersAndStopsAtDeliveriesCreatedAfterTheCutoff() {
        StoreDeliveryRetention retention = new StoreDeliveryRetention(transactions);
        java.time.Instant cutoff = CUTOFF.toInstant(ZoneOffset.UTC);

        DeliveryRetention.Pass first = retention.purge(Finished.DELIVERED, cutoff, 0, 2);
        assertThat(first.deliveries()).isEqualTo(1);
        assertThat(first.next()).isEqualTo(oldDelivered);
        assertThat(first.done()).isFalse();
        DeliveryRetention.Pass second = retention.purge(Finished.DELIVERED, cutoff, first.next(), 2);
        assertThat(second.deliveries()).isZero();
        assertThat(second.next()).isEqualTo(young);
        assertThat(second.done()).isTrue();
        DeliveryRetention.Pass dead = retention.purge(Finished.DEAD, cutoff, 0, 2);
        assertThat(dead.deliveries()).isEqualTo(1);
        assertThat(dead.snapshots()).isEqualTo(1);
        assertThat(dead.done()).isTrue();
        assertThat(retention.purge(Finished.DEAD, cutoff, dead.next(), 2)).isEqualTo(new DeliveryRetention.Pass(0, 0, dead.next(), true));
    }

    private static String event(DSLContext tx, LocalDateTime at) {
        String event = DeliveryRowsFixture.event(tx, UUID.randomUUID().toString(), 1L, at);
        tx.insertInto(EVENT_SNAPSHOT).set(EVENT_SNAPSHOT.EVENT_ID, event).set(EVENT_SNAPSHOT.SNAPSHOT, JSON.valueOf("{}")).execute();
        return event;
    }

    /** A delivery of the event in that state, with two attempts; its pk. */
    private long delivery(DSLContext tx, String event, DeliveryStatus status, LocalDateTime created, LocalDateTime finished) {
        boolean open = finished == null;
        long pk = tx.insertInto(DELIVERY).set(DELIVERY.ID, UUID.randomUUID().toString()).set(DELIVERY.SUBSCRIPTION_PK, subscription)
                .set(DELIVERY.EVENT_ID, event).set(DELIVERY.EVENT_TYPE, "person.updated").set(DELIVERY.PERSON_ID, "p-" + event)
                .set(DELIVERY.PERSON_SEQ, 1L).set(DELIVERY.STATUS, status).set(DELIVERY.ATTEMPTS, 2)
                .set(DELIVERY.NEXT_ATTEMPT_AT, status == DeliveryStatus.failed ? NOW : null)
                .set(DELIVERY.FINISHED_AT, open ? null : finished).set(DELIVERY.CREATED_AT, created)
                .returningResult(DELIVERY.PK).fetchOne().value1();
        for (int i = 0; i < 2; i++) {
            tx.insertInto(ATTEMPT).set(ATTEMPT.DELIVERY_PK, pk).set(ATTEMPT.AT, created.plusMinutes(i)).set(ATTEMPT.LATENCY_MS, 5L)
                    .set(ATTEMPT.STATUS_CODE, 500).execute();
        }
        return pk;
    }
}
