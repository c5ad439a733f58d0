package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.filter.IndexedValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new account's filter-index rows go as one bulk execution of one prepared statement, whatever their
 * number, so accounts of many shapes share it (counted as one pooled session's statements and prepares).
 */
class ValueRowsShapeTest {
    private static FilterTestDatabase db;
    private static Database single;
    private static long source;
    private static long first;
    private static long second;

    @BeforeAll
    static void accounts() {
        db = new FilterTestDatabase();
        FilterFixtures fx = new FilterFixtures(db.dsl(), new SchemaRegistry());
        source = fx.source("okta");
        first = fx.user(source, "first", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'first'}");
        second = fx.user(source, "second", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'second'}");
        db.dsl().deleteFrom(ACCOUNT_VALUE).execute();
        single = db.anotherPool(1);
    }

    @AfterAll
    static void close() {
        single.close();
        db.close();
    }

    private static List<IndexedValue> values(int n) {
        List<IndexedValue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new IndexedValue("emails.value", i, "a" + i + "@x.example", null));
        }
        return out;
    }

    @Test
    void aNewAccountsValuesOfAnyNumberAreOneExecutionOfOneStatement() throws Exception {
        ValueTable.accounts().replace(single.dsl(), first, source, values(3), false);

        long prepares = SessionStatus.of(single, "Com_stmt_prepare");
        long statements = SessionStatus.of(single, "Questions");
        ValueTable.accounts().replace(single.dsl(), second, source, values(7), false);
        long statementsAfter = SessionStatus.of(single, "Questions");
        long preparesAfter = SessionStatus.of(single, "Com_stmt_prepare");

        assertThat(statementsAfter - statements).as("the batch, and the SHOW that reads the count").isEqualTo(2);
        assertThat(preparesAfter - prepares).as("the statement of three values serves seven").isZero();
        assertThat(db.dsl().fetchCount(ACCOUNT_VALUE, ACCOUNT_VALUE.ACCOUNT_PK.eq(second))).isEqualTo(7);
        assertThat(db.dsl().fetchCount(ACCOUNT_VALUE, ACCOUNT_VALUE.ACCOUNT_PK.eq(first))).isEqualTo(3);
    }
}
