package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.HOLD;
import static dev.rollcall.store.generated.Tables.HOLD_ITEM;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.SOURCE;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.lifecycle.HoldQueries;
import dev.rollcall.lifecycle.HoldStatus;
import dev.rollcall.store.generated.enums.HoldItemStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;

/** Holds and their items over the pool. */
public final class StoreHoldQueries implements HoldQueries {
    private final Database database;
    private final HoldJson json;

    public StoreHoldQueries(Database database, ObjectMapper mapper) {
        this.database = database;
        this.json = new HoldJson(mapper);
    }

    @Override
    public List<Summary> page(HoldStatus status, Long sourceId, Long beforePk, int limit) {
        List<Condition> where = new ArrayList<>();
        if (status != null) {
            where.add(HOLD.STATUS.eq(HoldJson.toDb(status)));
        }
        if (sourceId != null) {
            where.add(HOLD.SOURCE_ID.eq(sourceId));
        }
        if (beforePk != null) {
            where.add(HOLD.PK.lt(beforePk));
        }
        return database.dsl().select(HOLD.asterisk(), SOURCE.NAME).from(HOLD).join(SOURCE).on(SOURCE.ID.eq(HOLD.SOURCE_ID))
                .where(where).orderBy(HOLD.PK.desc()).limit(limit).fetch(this::summary);
    }

    @Override
    public Optional<Summary> byId(String holdId) {
        return database.dsl().select(HOLD.asterisk(), SOURCE.NAME).from(HOLD).join(SOURCE).on(SOURCE.ID.eq(HOLD.SOURCE_ID))
                .where(HOLD.ID.eq(holdId)).fetchOptional(this::summary);
    }

    @Override
    public List<Item> items(long holdPk, Long afterPk, int limit) {
        Condition after = afterPk == null ? HOLD_ITEM.PK.isNotNull() : HOLD_ITEM.PK.gt(afterPk);
        return database.dsl().select(HOLD_ITEM.asterisk(), PERSON.ID).from(HOLD_ITEM)
                .leftJoin(PERSON).on(PERSON.PK.eq(HOLD_ITEM.PERSON_PK))
                .where(HOLD_ITEM.HOLD_PK.eq(holdPk)).and(after).orderBy(HOLD_ITEM.PK).limit(limit)
                .fetch(r -> new Item(json.toItem(r.into(HOLD_ITEM)), r.get(PERSON.ID)));
    }

    private Summary summary(Record r) {
        var hold = HoldJson.toHold(r.into(HOLD));
        var n = org.jooq.impl.DSL.count();
        Map<HoldItemStatus, Integer> counts = database.dsl().select(HOLD_ITEM.STATUS, n)
                .from(HOLD_ITEM).where(HOLD_ITEM.HOLD_PK.eq(hold.pk())).groupBy(HOLD_ITEM.STATUS)
                .fetchMap(HOLD_ITEM.STATUS, n);
        return new Summary(hold, r.get(SOURCE.NAME), counts.getOrDefault(HoldItemStatus.pending, 0),
                counts.getOrDefault(HoldItemStatus.applied, 0), counts.getOrDefault(HoldItemStatus.discarded, 0));
    }
}
