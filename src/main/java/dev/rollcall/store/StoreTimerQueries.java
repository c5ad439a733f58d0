package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.TIMER;

import dev.rollcall.lifecycle.TimerKind;
import dev.rollcall.lifecycle.TimerQueries;
import dev.rollcall.store.generated.enums.TimerStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Timer pages over the pool, walking ix_timer_due_all (due_at, pk) or ix_timer_due (status, due_at, pk). */
public final class StoreTimerQueries implements TimerQueries {
    private final Database database;

    public StoreTimerQueries(Database database) {
        this.database = database;
    }

    @Override
    public List<Listed> page(Filter f, After after, int limit) {
        List<Condition> where = new ArrayList<>();
        if (f.kind() != null) {
            where.add(TIMER.KIND.eq(f.kind().wireName()));
        }
        if (f.status() != null) {
            where.add(TIMER.STATUS.eq(TimerStatus.valueOf(f.status())));
        }
        if (f.dueAfter() != null) {
            where.add(TIMER.DUE_AT.ge(Clock.toDb(f.dueAfter())));
        }
        if (f.dueBefore() != null) {
            where.add(TIMER.DUE_AT.lt(Clock.toDb(f.dueBefore())));
        }
        if (f.personId() != null) {
            where.add(PERSON.ID.eq(f.personId()));
        }
        if (after != null) {
            where.add(DSL.row(TIMER.DUE_AT, TIMER.PK).gt(Clock.toDb(after.dueAt()), after.pk()));
        }
        return database.dsl().select(TIMER.PK, PERSON.ID, TIMER.KIND, TIMER.REASON, TIMER.DUE_AT, TIMER.STATUS,
                        TIMER.CREATED_AT, TIMER.FINISHED_AT, TIMER.FINISHED_BY, TIMER.MOVED_FROM_PK)
                .from(TIMER).join(PERSON).on(PERSON.PK.eq(TIMER.PERSON_PK))
                .where(where)
                .orderBy(TIMER.DUE_AT, TIMER.PK)
                .limit(limit)
                .fetch(r -> new Listed(r.value1(), r.value2(), TimerKind.byWireName(r.value3()).orElse(null), r.value4(),
                        Clock.fromDb(r.value5()), r.value6().getLiteral(), Clock.fromDb(r.value7()),
                        Clock.fromDb(r.value8()), r.value9(), r.value10()));
    }
}
