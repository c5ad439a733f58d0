package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ATTEMPT;
import static dev.rollcall.store.generated.Tables.DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.delivery.rules.AttemptRecord;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import dev.rollcall.store.generated.tables.records.DeliveryRecord;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A dispatcher's batch of successes written at once on real MariaDB: only the deliveries whose lease
 * the caller still holds are written (each with its own attempt and finish time), and each finished
 * chain releases exactly its next delivery by sequence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveredBatchTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 12, 0);
    private FilterTestDatabase db;
    private long subscription;
    private long a1;
    private long a2;
    private long a3;
    private long b1;
    private long c1;
    private long c2;

    @BeforeAll
    void deliveries() {
        db = new FilterTestDatabase();
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            subscription = DeliveryRowsFixture.subscription(tx, NOW);
            // person a: head leased to me, two waiting behind it; b: head leased to me alone;
            // c: head reclaimed by another dispatcher, one waiting behind it
            a1 = delivery(tx, "a", 1, DeliveryStatus.leased, "me");
            a3 = delivery(tx, "a", 3, DeliveryStatus.pending, null);
            a2 = delivery(tx, "a", 2, DeliveryStatus.pending, null);
            b1 = delivery(tx, "b", 1, DeliveryStatus.leased, "me");
            c1 = delivery(tx, "c", 1, DeliveryStatus.leased, "other");
            c2 = delivery(tx, "c", 2, DeliveryStatus.pending, null);
        });
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @Test
    void onlyHeldLeasesAreWrittenAndEachChainReleasesItsNext() {
        AttemptRecord atA = new AttemptRecord(Clock.fromDb(NOW.plusSeconds(1)), 4, 200, null, "ok a");
        AttemptRecord atB = new AttemptRecord(Clock.fromDb(NOW.plusSeconds(2)), 5, 204, null, "");
        AttemptRecord atC = new AttemptRecord(Clock.fromDb(NOW.plusSeconds(3)), 6, 200, null, "ok c");

        Set<Long> written = db.dsl().transactionResult(cfg -> new StoreDeliveryRows(cfg.dsl(), new DeliveredStatements())
                .deliveredAll("me", Map.of(a1, atA, b1, atB, c1, atC)));

        assertThat(written).containsExactlyInAnyOrder(a1, b1);
        assertThat(row(a1)).satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(DeliveryStatus.delivered);
            assertThat(r.getAttempts()).isEqualTo(1);
            assertThat(r.getFinishedAt()).isEqualTo(NOW.plusSeconds(1));
            assertThat(r.getLeaseOwner()).isNull();
            assertThat(r.getNextAttemptAt()).isNull();
        });
        assertThat(row(b1).getFinishedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(row(a2).getNextAttemptAt()).as("a's next by sequence is due").isNotNull();
        assertThat(row(a3).getNextAttemptAt()).as("a's third still waits").isNull();
        assertThat(row(c1)).satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(DeliveryStatus.leased);
            assertThat(r.getLeaseOwner()).isEqualTo("other");
            assertThat(r.getAttempts()).isZero();
        });
        assertThat(row(c2).getNextAttemptAt()).as("a lost lease releases nothing").isNull();
        assertThat(db.dsl().select(ATTEMPT.DELIVERY_PK, ATTEMPT.LATENCY_MS, ATTEMPT.STATUS_CODE, ATTEMPT.ANSWER)
                .from(ATTEMPT).orderBy(ATTEMPT.DELIVERY_PK).fetch().map(r -> r.value1() + ":" + r.value2() + ":" + r.value3()
                        + ":" + r.value4()))
                .containsExactly(a1 + ":4:200:ok a", b1 + ":5:204:");
    }

    private DeliveryRecord row(long pk) {
        return db.dsl().selectFrom(DELIVERY).where(DELIVERY.PK.eq(pk)).fetchOne();
    }

    private long delivery(DSLContext tx, String person, long seq, DeliveryStatus status, String owner) {
        String event = DeliveryRowsFixture.event(tx, person, seq, NOW);
        boolean leased = status == DeliveryStatus.leased;
        return tx.insertInto(DELIVERY).set(DELIVERY.ID, UUID.randomUUID().toString()).set(DELIVERY.SUBSCRIPTION_PK, subscription)
                .set(DELIVERY.EVENT_ID, event).set(DELIVERY.EVENT_TYPE, "person.updated").set(DELIVERY.PERSON_ID, person)
                .set(DELIVERY.PERSON_SEQ, seq).set(DELIVERY.STATUS, status).set(DELIVERY.ATTEMPTS, 0)
                .set(DELIVERY.LEASE_OWNER, owner).set(DELIVERY.LEASE_UNTIL, leased ? NOW.plusMinutes(5) : null)
                .set(DELIVERY.NEXT_ATTEMPT_AT, leased ? NOW.plusMinutes(5) : null).set(DELIVERY.CREATED_AT, NOW)
                .returningResult(DELIVERY.PK).fetchOne().value1();
    }
}
