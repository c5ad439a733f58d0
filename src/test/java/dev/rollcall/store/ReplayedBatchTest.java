package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.store.generated.enums.DeliveryStatus;
import dev.rollcall.store.generated.tables.records.DeliveryRecord;
import dev.rollcall.testing.StatementCount;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Replaying finished deliveries on real MariaDB, in a few statements whatever their number: each goes
 * back into its person's chain, and only a chain with nothing in flight has its lowest sequence made due.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayedBatchTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 12, 0);
    private static final LocalDateTime REPLAYED_AT = NOW.plusHours(1);
    private FilterTestDatabase db;
    private long subscription;
    private final List<Long> many = new ArrayList<>();
    private long a1;
    private long a2;
    private long a3;
    private long b1;
    private long b2;
    private long failed;
    private long dead;
    private long group;

    @BeforeAll
    void deliveries() {
        db = new FilterTestDatabase();
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            subscription = DeliveryRowsFixture.subscription(tx, NOW);
            // a: three delivered, written out of order; b: one delivered, its next still being sent;
            // f: a head that failed once (retrying); d: a dead head; g: a group event (no person chain)
            a3 = delivery(tx, "a", 3L, DeliveryStatus.delivered, 1);
            a1 = delivery(tx, "a", 1L, DeliveryStatus.delivered, 1);
            a2 = delivery(tx, "a", 2L, DeliveryStatus.delivered, 1);
            b1 = delivery(tx, "b", 1L, DeliveryStatus.delivered, 1);
            b2 = delivery(tx, "b", 2L, DeliveryStatus.leased, 0);
            failed = delivery(tx, "f", 1L, DeliveryStatus.failed, 2);
            dead = delivery(tx, "d", 1L, DeliveryStatus.dead, 7);
            group = delivery(tx, null, null, DeliveryStatus.delivered, 1);
            for (int i = 0; i < 200; i++) {
                many.add(delivery(tx, "p" + i, 1L, DeliveryStatus.delivered, 1));
            }
        });
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @Test
    void aReplayGoesBackIntoEachChainAndReleasesOnlyChainsWithNothingInFlight() {
        StatementCount count = new StatementCount(db.dsl());
        List<Long> replayed = new ArrayList<>(List.of(a1, a2, a3, b1, failed, dead, group));
        replayed.addAll(many);

        count.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            List<DeliveryRecord> rows = tx.selectFrom(DELIVERY).where(DELIVERY.PK.in(replayed)).orderBy(DELIVERY.PK)
                    .forUpdate().fetch();
            count.take();
            new StoreDeliveryReplays(tx).replay(rows, Clock.fromDb(REPLAYED_AT));
        });

        assertThat(count.take()).as("statements for %d deliveries of %d chains", replayed.size(), 205)
                .isLessThanOrEqualTo(6);
        assertThat(row(a1)).satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(DeliveryStatus.pending);
            assertThat(r.getNextAttemptAt()).as("a's lowest sequence is due").isEqualTo(REPLAYED_AT);
            assertThat(r.getReplays()).isEqualTo(1);
            assertThat(r.getRoundBase()).isEqualTo(1);
            assertThat(r.getFinishedAt()).isNull();
        });
        assertThat(List.of(row(a2), row(a3))).as("a's later ones wait their turn")
                .allSatisfy(r -> {
                    assertThat(r.getStatus()).isEqualTo(DeliveryStatus.pending);
                    assertThat(r.getNextAttemptAt()).isNull();
                });
        assertThat(row(b1).getNextAttemptAt()).as("b's chain is in flight: its head releases b1 when it finishes").isNull();
        assertThat(row(b2).getStatus()).isEqualTo(DeliveryStatus.leased);
        assertThat(row(failed)).satisfies(r -> {
            assertThat(r.getStatus()).as("a failed head stays the head").isEqualTo(DeliveryStatus.failed);
            assertThat(r.getNextAttemptAt()).isEqualTo(REPLAYED_AT);
            assertThat(r.getRoundBase()).isEqualTo(2);
        });
        assertThat(row(dead)).satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(DeliveryStatus.pending);
            assertThat(r.getNextAttemptAt()).isEqualTo(REPLAYED_AT);
            assertThat(r.getRoundBase()).isEqualTo(7);
        });
        assertThat(row(group).getNextAttemptAt()).as("no chain: due at once").isEqualTo(REPLAYED_AT);
        assertThat(db.dsl().fetchCount(DELIVERY, DELIVERY.PK.in(many).and(DELIVERY.NEXT_ATTEMPT_AT.eq(REPLAYED_AT))))
                .isEqualTo(many.size());
    }

    private DeliveryRecord row(long pk) {
        return db.dsl().selectFrom(DELIVERY).where(DELIVERY.PK.eq(pk)).fetchOne();
    }

    private long delivery(DSLContext tx, String person, Long seq, DeliveryStatus status, int attempts) {
        String event = DeliveryRowsFixture.event(tx, person, seq, NOW);
        boolean leased = status == DeliveryStatus.leased;
        boolean head = leased || status == DeliveryStatus.failed;
        boolean finished = status == DeliveryStatus.delivered || status == DeliveryStatus.dead;
        return tx.insertInto(DELIVERY).set(DELIVERY.ID, UUID.randomUUID().toString()).set(DELIVERY.SUBSCRIPTION_PK, subscription)
                .set(DELIVERY.EVENT_ID, event).set(DELIVERY.EVENT_TYPE, "person.updated").set(DELIVERY.PERSON_ID, person)
                .set(DELIVERY.PERSON_SEQ, seq).set(DELIVERY.STATUS, status).set(DELIVERY.ATTEMPTS, attempts)
                .set(DELIVERY.LEASE_OWNER, leased ? "other" : null).set(DELIVERY.LEASE_UNTIL, leased ? NOW.plusMinutes(5) : null)
                .set(DELIVERY.NEXT_ATTEMPT_AT, head ? NOW.plusMinutes(5) : null)
                .set(DELIVERY.FINISHED_AT, finished ? NOW : null).set(DELIVERY.CREATED_AT, NOW)
                .returningResult(DELIVERY.PK).fetchOne().value1();
    }
}
