package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.BURST_CHANGE;
import static dev.rollcall.store.generated.Tables.HOLD;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.SOURCE;
import static dev.rollcall.store.generated.Tables.TIMER;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.lifecycle.PolicyReads;
import dev.rollcall.lifecycle.TimerKind;
import dev.rollcall.store.generated.enums.BurstChangeKind;
import dev.rollcall.store.generated.enums.PersonState;
import dev.rollcall.store.generated.enums.TimerStatus;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The policy preview's reads over the pool; only SELECTs. */
public final class StorePolicyReads implements PolicyReads {
    private final Database database;
    private final FactsJson facts;

    public StorePolicyReads(Database database, ObjectMapper json) {
        this.database = database;
        this.facts = new FactsJson(json);
    }

    @Override
    public List<Deadline> deadlines(int limit) {
        return database.dsl().select(PERSON.PK, PERSON.ID, TIMER.REASON, PERSON.STATE_SINCE, TIMER.DUE_AT, TIMER.MOVED_FROM_PK)
                .from(TIMER).join(PERSON).on(PERSON.PK.eq(TIMER.PERSON_PK))
                .where(TIMER.STATUS.eq(TimerStatus.pending)).and(TIMER.KIND.eq(TimerKind.DEPROVISION.wireName()))
                .and(PERSON.STATE.eq(PersonState.suspended))
                .orderBy(TIMER.DUE_AT, TIMER.PK).limit(limit)
                .fetch(r -> new Deadline(r.value1(), r.value2(), r.value3(), Clock.fromDb(r.value4()),
                        Clock.fromDb(r.value5()), r.value6() != null));
    }

    @Override
    public List<SourceWindow> windows(Instant since) {
        DSLContext db = database.dsl();
        return db.select(SOURCE.ID, SOURCE.NAME).from(SOURCE).orderBy(SOURCE.ID).fetch(r -> {
            long id = r.value1();
            var inWindow = BURST_CHANGE.SOURCE_ID.eq(id).and(BURST_CHANGE.AT.gt(Clock.toDb(since)));
            int terminations = db.fetchCount(BURST_CHANGE, inWindow.and(BURST_CHANGE.KIND.eq(BurstChangeKind.termination)));
            int managers = db.fetchCount(BURST_CHANGE, inWindow.and(BURST_CHANGE.KIND.eq(BurstChangeKind.manager_change)));
            int active = db.select(DSL.countDistinct(ACCOUNT.PERSON_PK)).from(ACCOUNT).join(PERSON)
                    .on(PERSON.PK.eq(ACCOUNT.PERSON_PK)).where(ACCOUNT.SOURCE_ID.eq(id))
                    .and(PERSON.STATE.eq(PersonState.active)).fetchSingle().value1();
            boolean open = db.fetchExists(HOLD, HOLD.SOURCE_ID.eq(id).and(HOLD.STATUS.in(
                    dev.rollcall.store.generated.enums.HoldStatus.open, dev.rollcall.store.generated.enums.HoldStatus.applying)));
            return new SourceWindow(id, r.value2(), terminations, managers, active, open);
        });
    }

    @Override
    public List<PersonAccounts> persons(Long afterPk, int limit) {
        DSLContext db = database.dsl();
        AccountFactRows accounts = new AccountFactRows(db, facts);
        return db.select(PERSON.PK, PERSON.ID, PERSON.STATE).from(PERSON)
                .where(PERSON.PROVISIONAL.isFalse()).and(PERSON.MERGED_INTO_PK.isNull())
                .and(afterPk == null ? DSL.noCondition() : PERSON.PK.gt(afterPk))
                .orderBy(PERSON.PK).limit(limit)
                .fetch(r -> new PersonAccounts(r.value1(), r.value2(), PersonStates.toDomain(r.value3()),
                        accounts.linked(r.value1())));
    }
}
