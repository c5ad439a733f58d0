package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT_VALUE;
import static dev.rollcall.store.generated.Tables.GROUP_VALUE;

import dev.rollcall.store.generated.tables.AccountValue;
import dev.rollcall.store.generated.tables.GroupValue;
import dev.rollcall.schema.filter.IndexedValue;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * One aliased use of a value-index table (account_value or group_value, which share a shape),
 * so the filter compiler can treat users and groups alike.
 */
record ValueTable(Table<?> table, Field<Long> ownerPk, Field<String> attr, Field<Integer> idx,
                  Field<Long> sourceId, Field<String> val, Field<BigDecimal> num) {

    static ValueTable accounts(String alias) {
        AccountValue v = ACCOUNT_VALUE.as(alias);
        return new ValueTable(v, v.ACCOUNT_PK, v.ATTR, v.IDX, v.SOURCE_ID, v.VAL, v.NUM);
    }

    static ValueTable groups(String alias) {
        GroupValue v = GROUP_VALUE.as(alias);
        return new ValueTable(v, v.GROUP_PK, v.ATTR, v.IDX, v.SOURCE_ID, v.VAL, v.NUM);
    }

    /** The account_value table itself (not aliased), for writes. */
    static ValueTable accounts() {
        return new ValueTable(ACCOUNT_VALUE, ACCOUNT_VALUE.ACCOUNT_PK, ACCOUNT_VALUE.ATTR, ACCOUNT_VALUE.IDX,
                ACCOUNT_VALUE.SOURCE_ID, ACCOUNT_VALUE.VAL, ACCOUNT_VALUE.NUM);
    }

    /** The group_value table itself (not aliased), for writes. */
    static ValueTable groups() {
        return new ValueTable(GROUP_VALUE, GROUP_VALUE.GROUP_PK, GROUP_VALUE.ATTR, GROUP_VALUE.IDX,
                GROUP_VALUE.SOURCE_ID, GROUP_VALUE.VAL, GROUP_VALUE.NUM);
    }

    /**
     * Replaces the indexed values of one owner. Existing values are upserted rather than deleted and
     * inserted again, after deleting only the (attr, idx) rows that are gone: a PATCH of one attribute
     * then rewrites one row and its index entries, not all of them. A new owner's rows go as one JDBC
     * batch of a one-row insert (one bulk execution on MariaDB, one statement shape whatever the number
     * of values, so resources of many shapes do not evict each other's prepared statements). The upsert
     * stays one multi-row statement: the driver never sends INSERT … ON DUPLICATE KEY UPDATE as a bulk
     * execution, and a batch of them cost a round trip per row (measured: +7 statements per PATCH).
     */
    void replace(DSLContext tx, long owner, long source, List<IndexedValue> rows, boolean existing) {
        if (existing) {
            Condition gone = rows.isEmpty() ? DSL.noCondition()
                    : DSL.row(attr, idx).notIn(rows.stream().map(r -> DSL.row(r.attr(), r.idx())).toList());
            tx.deleteFrom(table).where(ownerPk.eq(owner)).and(gone).execute();
        }
        if (rows.isEmpty()) {
            return;
        }
        if (!existing) {
            BatchBindStep batch = tx.batch(tx.insertInto(table, ownerPk, attr, idx, sourceId, val, num)
                    .values((Long) null, (String) null, (Integer) null, (Long) null, (String) null, (BigDecimal) null));
            for (IndexedValue r : rows) {
                batch = batch.bind(owner, r.attr(), r.idx(), source, r.val(), r.num());
            }
            batch.execute();
            return;
        }
        InsertValuesStep6<?, Long, String, Integer, Long, String, BigDecimal> upsert =
                tx.insertInto(table, ownerPk, attr, idx, sourceId, val, num);
        for (IndexedValue r : rows) {
            upsert = upsert.values(owner, r.attr(), r.idx(), source, r.val(), r.num());
        }
        upsert.onDuplicateKeyUpdate().set(val, DSL.excluded(val)).set(num, DSL.excluded(num)).execute();
    }
}
