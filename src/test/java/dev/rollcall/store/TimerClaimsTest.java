package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.TIMER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.lifecycle.Timer;
import dev.rollcall.store.generated.enums.PersonState;
import dev.rollcall.store.generated.enums.TimerStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
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
 * Claiming due timers on real MariaDB: the claim walks ix_timer_due in its own order (no filesort,
 * which would lock every due row), skips rows another claimer holds, and leaves leased, fired,
 * cancelled and not-yet-due timers alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimerClaimsTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 12, 0);
    private FilterTestDatabase db;
    private StoreTimerClaims claims;

    @BeforeAll
    void timers() {
        db = new FilterTestDatabase();
        claims = new StoreTimerClaims(new Transactions(db.database()));
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            long person = tx.insertInto(PERSON).set(PERSON.ID, "p-1").set(PERSON.STATE, PersonState.suspended)
                    .set(PERSON.GOLDEN, JSON.valueOf("{}")).set(PERSON.CREATED_AT, NOW).set(PERSON.UPDATED_AT, NOW)
                    .returningResult(PERSON.PK).fetchOne().value1();
            for (int i = 0; i < 1000; i++) {
                TimerStatus status = i < 900 ? TimerStatus.fired : i < 910 ? TimerStatus.cancelled : TimerStatus.pending;
                // pending: 910..979 due (in reverse pk order of due time), 980..999 not yet due
                LocalDateTime due = i < 980 ? NOW.minusMinutes(1000 - i) : NOW.plusDays(1);
                tx.insertInto(TIMER).set(TIMER.PERSON_PK, person).set(TIMER.KIND, "deprovision").set(TIMER.REASON, "r" + i)
                        .set(TIMER.DUE_AT, due).set(TIMER.STATUS, status).set(TIMER.CREATED_AT, NOW).execute();
            }
        });
        db.dsl().execute("ANALYZE TABLE timer");
    }

    @AfterAll
    void drop() {
        db.close();
    }

    @Test
    void theClaimReadsTheDueIndexInOrderWithoutAFilesort() {
        var q = StoreTimerClaims.dueQuery(db.dsl(), NOW, 10).skipLocked();
        Result<Record> plan = db.dsl().fetch("EXPLAIN " + q.getSQL(), q.getBindValues().toArray());

        assertThat(plan).as(q.getSQL() + "\n" + plan.format()).singleElement().satisfies(r -> {
            assertThat(r.get("key", String.class)).isEqualTo("ix_timer_due");
            assertThat(String.valueOf(r.get("Extra", String.class))).doesNotContainIgnoringCase("filesort");
        });
    }

    @Test
    void concurrentClaimersGetDisjointTimersSoonestFirstAndNothingNotDueOrFinished() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another instance's claim transaction holds the five soonest rows while this one claims
        CompletableFuture<List<Long>> other = CompletableFuture.supplyAsync(() -> db.dsl().transactionResult(cfg -> {
            List<Long> pks = StoreTimerClaims.dueQuery(cfg.dsl(), NOW, 5).skipLocked().fetch(TIMER.PK);
            held.countDown();
            await(release);
            return pks;
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        List<Timer> mine = claims.claimDue(Stored.at(NOW), "me", Stored.at(NOW.plusSeconds(30)), 100);
        release.countDown();
        List<Long> theirs = other.get(10, TimeUnit.SECONDS);

        assertThat(theirs).hasSize(5);
        assertThat(mine).hasSize(65).extracting(Timer::pk).doesNotContainAnyElementsOf(theirs);
        assertThat(mine).extracting(Timer::dueAt).isSorted();
        assertThat(mine).allSatisfy(t -> assertThat(t.dueAt()).isBefore(Stored.at(NOW)));
        assertThat(claims.claimDue(Stored.at(NOW), "someone-else", Stored.at(NOW.plusSeconds(30)), 100))
                .as("the 65 are leased now; the 5 were only locked").hasSize(5);
        assertThat(claims.claimDue(Stored.at(NOW.plusSeconds(31)), "late", Stored.at(NOW.plusSeconds(60)), 100))
                .as("after the leases run out").hasSize(70);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Database time (UTC) as an instant. */
    private static final class Stored {
        static Instant at(LocalDateTime t) {
            return Clock.fromDb(t);
        }
    }
}
