package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.TIMER;

import dev.rollcall.lifecycle.Timer;
import dev.rollcall.lifecycle.TimerClaims;
import dev.rollcall.store.generated.enums.TimerStatus;
import dev.rollcall.store.generated.tables.records.TimerRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SelectForUpdateWaitStep;

/**
 * Claims due timers in a short READ COMMITTED transaction (the pool's isolation): walks
 * {@code ix_timer_due} (status, due_at, pk) in index order with FOR UPDATE SKIP LOCKED, so that a
 * concurrent claimer skips these rows instead of waiting, and leases them before committing.
 */
public final class StoreTimerClaims implements TimerClaims {
    private final Transactions transactions;

    public StoreTimerClaims(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<Timer> claimDue(Instant now, String owner, Instant leaseUntil, int limit) {
        LocalDateTime at = Clock.toDb(now);
        return transactions.inTransaction(tx -> {
            List<Timer> due = dueQuery(tx, at, limit).skipLocked().fetch(StoreTimers::toTimer);
            if (!due.isEmpty()) {
                tx.update(TIMER)
                        .set(TIMER.LEASE_OWNER, owner)
                        .set(TIMER.LEASE_UNTIL, Clock.toDb(leaseUntil))
                        .where(TIMER.PK.in(due.stream().map(Timer::pk).toList()))
                        .execute();
            }
            return due;
        });
    }

    @Override
    public void release(List<Long> timerPks, String owner) {
        if (timerPks.isEmpty()) {
            return;
        }
        transactions.inTransaction(tx -> tx.update(TIMER)
                .setNull(TIMER.LEASE_OWNER)
                .setNull(TIMER.LEASE_UNTIL)
                .where(TIMER.PK.in(timerPks)).and(TIMER.LEASE_OWNER.eq(owner)).and(TIMER.STATUS.eq(TimerStatus.pending))
                .execute());
    }

    /**
     * Pending, due and not leased, in the order of ix_timer_due after its equality column: (due_at, pk).
     * Naming status in the ORDER BY as well makes MariaDB 10.11 filesort, and a filesort reads and
     * locks every due row, so a second claimer would get nothing (TimerClaimsTest checks the plan).
     */
    static SelectForUpdateWaitStep<TimerRecord> dueQuery(DSLContext tx, LocalDateTime at, int limit) {
        return tx.selectFrom(TIMER)
                .where(TIMER.STATUS.eq(TimerStatus.pending)).and(TIMER.DUE_AT.le(at))
                .and(TIMER.LEASE_UNTIL.isNull().or(TIMER.LEASE_UNTIL.lt(at)))
                .orderBy(TIMER.DUE_AT, TIMER.PK)
                .limit(limit)
                .forUpdate();
    }
}
