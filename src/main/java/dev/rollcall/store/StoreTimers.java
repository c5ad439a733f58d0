package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.TIMER;

import dev.rollcall.lifecycle.Timer;
import dev.rollcall.lifecycle.TimerKind;
import dev.rollcall.lifecycle.Timers;
import dev.rollcall.store.generated.enums.TimerStatus;
import dev.rollcall.store.generated.tables.records.TimerRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** A person's timer rows in one transaction. */
final class StoreTimers implements Timers {
    private final DSLContext tx;
    private final TxReads reads;

    StoreTimers(DSLContext tx, TxReads reads) {
        this.tx = tx;
        this.reads = reads;
    }

    @Override
    public long schedule(long personPk, TimerKind kind, String reason, Instant dueAt, Instant now) {
        reads.timersWritten(personPk);
        return tx.insertInto(TIMER)
                .set(TIMER.PERSON_PK, personPk)
                .set(TIMER.KIND, kind.wireName())
                .set(TIMER.REASON, reason)
                .set(TIMER.DUE_AT, Clock.toDb(dueAt))
                .set(TIMER.STATUS, TimerStatus.pending)
                .set(TIMER.CREATED_AT, Clock.toDb(now))
                .returningResult(TIMER.PK)
                .fetchOne()
                .value1();
    }

    @Override
    public int cancelPending(long personPk, TimerKind kind, Instant now) {
        if (reads.hasNoTimers(personPk)) {
            return 0;
        }
        return tx.update(TIMER)
                .set(TIMER.STATUS, TimerStatus.cancelled)
                .set(TIMER.FINISHED_AT, Clock.toDb(now))
                .where(TIMER.PERSON_PK.eq(personPk)).and(TIMER.STATUS.eq(TimerStatus.pending))
                .and(TIMER.KIND.eq(kind.wireName()))
                .execute();
    }

    @Override
    public int cancelPending(long personPk, Set<TimerKind> kinds, Instant now) {
        if (kinds.isEmpty() || reads.hasNoTimers(personPk)) {
            return 0;
        }
        return tx.update(TIMER)
                .set(TIMER.STATUS, TimerStatus.cancelled)
                .set(TIMER.FINISHED_AT, Clock.toDb(now))
                .where(TIMER.PERSON_PK.eq(personPk)).and(TIMER.STATUS.eq(TimerStatus.pending))
                .and(TIMER.KIND.in(kinds.stream().map(TimerKind::wireName).toList()))
                .execute();
    }

    @Override
    public int cancelPending(long personPk, TimerKind kind, String actor, Instant now) {
        if (reads.hasNoTimers(personPk)) {
            return 0;
        }
        return tx.update(TIMER)
                .set(TIMER.STATUS, TimerStatus.cancelled)
                .set(TIMER.FINISHED_AT, Clock.toDb(now))
                .set(TIMER.FINISHED_BY, actor)
                .where(TIMER.PERSON_PK.eq(personPk)).and(TIMER.STATUS.eq(TimerStatus.pending))
                .and(TIMER.KIND.eq(kind.wireName()))
                .execute();
    }

    @Override
    public long move(long timerPk, Instant dueAt, String actor, Instant now) {
        TimerRecord old = tx.selectFrom(TIMER).where(TIMER.PK.eq(timerPk)).forUpdate().fetchSingle();
        reads.timersWritten(old.getPersonPk());
        tx.update(TIMER)
                .set(TIMER.STATUS, TimerStatus.moved)
                .set(TIMER.FINISHED_AT, Clock.toDb(now))
                .set(TIMER.FINISHED_BY, actor)
                .where(TIMER.PK.eq(timerPk))
                .execute();
        return tx.insertInto(TIMER)
                .set(TIMER.PERSON_PK, old.getPersonPk())
                .set(TIMER.KIND, old.getKind())
                .set(TIMER.REASON, old.getReason())
                .set(TIMER.DUE_AT, Clock.toDb(dueAt))
                .set(TIMER.STATUS, TimerStatus.pending)
                .set(TIMER.CREATED_AT, Clock.toDb(now))
                .set(TIMER.MOVED_FROM_PK, timerPk)
                .returningResult(TIMER.PK)
                .fetchOne()
                .value1();
    }

    @Override
    public List<Timer> pending(long personPk) {
        if (reads.hasNoTimers(personPk)) {
            return List.of();
        }
        return tx.selectFrom(TIMER)
                .where(TIMER.PERSON_PK.eq(personPk)).and(TIMER.STATUS.eq(TimerStatus.pending))
                .orderBy(TIMER.DUE_AT, TIMER.PK)
                .fetch(StoreTimers::toTimer);
    }

    @Override
    public Optional<Timer> lockLeased(long timerPk, String owner) {
        return tx.selectFrom(TIMER)
                .where(TIMER.PK.eq(timerPk)).and(TIMER.STATUS.eq(TimerStatus.pending)).and(TIMER.LEASE_OWNER.eq(owner))
                .forUpdate()
                .fetchOptional(StoreTimers::toTimer);
    }

    @Override
    public void finish(long timerPk, boolean fired, Instant now) {
        tx.update(TIMER)
                .set(TIMER.STATUS, fired ? TimerStatus.fired : TimerStatus.cancelled)
                .set(TIMER.FINISHED_AT, Clock.toDb(now))
                .where(TIMER.PK.eq(timerPk))
                .execute();
    }

    static Timer toTimer(TimerRecord r) {
        TimerKind kind = TimerKind.byWireName(r.getKind())
                .orElseThrow(() -> new IllegalStateException("timer " + r.getPk() + " has unknown kind " + r.getKind()));
        return new Timer(r.getPk(), r.getPersonPk(), kind, r.getReason(), Clock.fromDb(r.getDueAt()));
    }
}
