package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT_VALUE;
import static dev.rollcall.store.generated.Tables.GROUP_VALUE;

import dev.rollcall.store.generated.tables.AccountValue;
import dev.rollcall.store.generated.tables.GroupValue;
import java.math.BigDecimal;
import org.jooq.Field;
import org.jooq.Table;

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
}
