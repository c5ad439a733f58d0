package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.delivery.rules.AttemptRecord;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Claiming deliveries on real MariaDB: each status range of ix_delivery_due is read in index order
 * (no filesort, which would lock every due row), concurrent claimers get disjoint rows, deliveries
 * waiting behind an earlier one of their person are never claimed and are released in sequence, an
 * expired lease is reclaimed and its old holder can no longer write an outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryClaimsTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 12, 0);
    private FilterTestDatabase db;
    private StoreDeliveryClaims claims;
    private long subscription;

    @BeforeAll
    void deliveries() {
        db = new FilterTestDatabase();
        claims = new StoreDeliveryClaims(new Transactions(db.database()),
                new dev.rollcall.delivery.RulesJson(new com.fasterxml.jackson.databind.ObjectMapper()));
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            subscription = DeliveryRowsFixture.subscription(tx, NOW);
            tx.insertInto(SUBSCRIPTION_SECRET).set(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK, subscription)
                    .set(SUBSCRIPTION_SECRET.NONCE, new byte[12]).set(SUBSCRIPTION_SECRET.CIPHERTEXT, new byte[16])
                    .set(SUBSCRIPTION_SECRET.CREATED_AT, NOW).execute();
            for (int i = 0; i < 1000; i++) {
                // 0..899 delivered; 900..979 due heads of 80 persons; 980..999 wait behind 900..919 (same persons)
                DeliveryStatus status = i < 900 ? DeliveryStatus.delivered : DeliveryStatus.pending;
                String person = "p-" + (i < 980 ? i : i - 80);
                long seq = i < 980 ? 1 : 2;
                LocalDateTime next = i < 900 || i >= 980 ? null : NOW.minusMinutes(1000 - i);
                String event = String.format("01J%023d", i);
                tx.insertInto(EVENT).set(EVENT.ID, event).set(EVENT.TYPE, "person.updated").set(EVENT.PERSON_ID, person)
                        .set(EVENT.PERSON_SEQ, seq).set(EVENT.PAYLOAD, JSON.valueOf("{\"personId\":\"" + person + "\"}"))
                        .set(EVENT.ANNOUNCED, true).set(EVENT.CREATED_AT, NOW).execute();
                tx.insertInto(DELIVERY).set(DELIVERY.ID, UUID.randomUUID().toString()).set(DELIVERY.SUBSCRIPTION_PK, subscription)
                        .set(DELIVERY.EVENT_ID, event).set(DELIVERY.EVENT_TYPE, "person.updated").set(DELIVERY.PERSON_ID, person)
                        .set(DELIVERY.PERSON_SEQ, seq).set(DELIVERY.STATUS, status).set(DELIVERY.ATTEMPTS, 0)
                        .set(DELIVERY.NEXT_ATTEMPT_AT, next).set(DELIVERY.CREATED_AT, NOW).execute();
            }
        });
        db.dsl().execute("ANALYZE TABLE delivery");
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @Test
    void eachStatusIsReadInIndexOrderWithoutAFilesort() {
        for (DeliveryStatus status : List.of(DeliveryStatus.pending, DeliveryStatus.failed, DeliveryStatus.leased)) {
            var q = StoreDeliveryClaims.dueQuery(db.dsl(), status, NOW, 10).skipLocked();
            Result<Record> plan = db.dsl().fetch("EXPLAIN " + q.getSQL(), q.getBindValues().toArray());
            assertThat(plan).as(q.getSQL() + "\n" + plan.format()).singleElement().satisfies(r -> {
                assertThat(r.get("key", String.class)).isEqualTo("ix_delivery_due");
                assertThat(String.valueOf(r.get("Extra", String.class))).doesNotContainIgnoringCase("filesort");
            });
        }
    }

    @Test
    void theOrderRuleReadsTheChainIndex() {
        for (var q : List.of(OpenChains.openRows(db.dsl(), List.of(subscription), "p-905").forUpdate(),
                StoreDeliveryRows.nextWaiting(db.dsl(), subscription, "p-905"))) {
            Result<Record> plan = db.dsl().fetch("EXPLAIN " + q.getSQL(), q.getBindValues().toArray());
            assertThat(plan).as(q.getSQL() + "\n" + plan.format()).singleElement().satisfies(r -> {
                assertThat(r.get("key", String.class)).isEqualTo("ix_delivery_chain");
                assertThat(String.valueOf(r.get("Extra", String.class))).doesNotContainIgnoringCase("filesort");
            });
        }
    }

    @Test
    void claimersAreDisjointWaitingOnesStayAndLeasesRunOut() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<Long>> other = CompletableFuture.supplyAsync(() -> db.dsl().transactionResult(cfg -> {
            List<Long> pks = StoreDeliveryClaims.dueQuery(cfg.dsl(), DeliveryStatus.pending, NOW, 5).skipLocked()
                    .fetch(DELIVERY.PK);
            held.countDown();
            await(release);
            return pks;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        List<ClaimedDelivery> mine = claims.claim(at(NOW), "me", at(NOW.plusSeconds(30)), 200);
        release.countDown();
        List<Long> theirs = other.get(10, TimeUnit.SECONDS);

        assertThat(theirs).hasSize(5);
        assertThat(mine).hasSize(75).extracting(ClaimedDelivery::pk).doesNotContainAnyElementsOf(theirs).isSorted();
        assertThat(mine).allSatisfy(d -> assertThat(d.personSeq()).isEqualTo(1L));
        assertThat(mine.get(0).payloadJson()).contains(mine.get(0).personId());
        assertThat(claims.claim(at(NOW), "someone-else", at(NOW.plusSeconds(30)), 200)).as("the 5 were only locked").hasSize(5);

        // the first head is delivered: the one waiting behind it (same person, seq 2) becomes due
        ClaimedDelivery head = mine.stream().filter(d -> d.personId().equals("p-910")).findFirst().orElseThrow();
        AttemptRecord ok = new AttemptRecord(at(NOW), 3, 200, null, "ok");
        assertThat(deliver(head.pk(), "me", ok)).isTrue();
        List<ClaimedDelivery> next = claims.claim(at(NOW), "me", at(NOW.plusSeconds(30)), 200);
        assertThat(next).singleElement().satisfies(d -> {
            assertThat(d.personId()).isEqualTo("p-910");
            assertThat(d.personSeq()).isEqualTo(2L);
        });

        // after the leases run out another claimer takes them; the old holder's outcome is refused
        List<ClaimedDelivery> late = claims.claim(at(NOW.plusSeconds(31)), "late", at(NOW.plusSeconds(60)), 200);
        assertThat(late).hasSize(80);
        ClaimedDelivery stale = mine.get(1);
        assertThat(deliver(stale.pk(), "me", ok)).isFalse();
        assertThat(deliver(stale.pk(), "late", ok)).isTrue();
    }

    private boolean deliver(long pk, String owner, AttemptRecord attempt) {
        Boolean done = db.dsl().transactionResult(cfg -> new StoreDeliveryRows(cfg.dsl(), new DeliveredStatements()).delivered(pk, owner, attempt));
        return done;
    }

    private static Instant at(LocalDateTime t) {
        return Clock.fromDb(t);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
