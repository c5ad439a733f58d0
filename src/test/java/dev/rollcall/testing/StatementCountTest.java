package dev.rollcall.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statement count sees what jOOQ executes and what runs on its connections directly; a batch is one. */
class StatementCountTest {
    private TestDatabases.TestDb db;
    private CloseableDSLContext base;

    @BeforeEach
    void database() {
        db = TestDatabases.fresh();
        base = DSL.using(db.url(), db.user(), db.password());
        base.execute("CREATE TABLE t (k INT PRIMARY KEY)");
    }

    @AfterEach
    void drop() {
        base.close();
        TestDatabases.drop(db);
    }

    @Test
    void jooqStatementsDirectJdbcAndABatchAreEachCounted() {
        StatementCount count = new StatementCount(base);

        count.dsl().insertInto(DSL.table("t"), DSL.field("k", Integer.class)).values(1).execute();
        assertThat(count.take()).isEqualTo(1);
        count.dsl().connection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("START TRANSACTION");
                s.execute("COMMIT");
            }
        });
        assertThat(count.take()).isEqualTo(2);
        count.dsl().batch(count.dsl().insertInto(DSL.table("t"), DSL.field("k", Integer.class)).values((Integer) null))
                .bind(2).bind(3).bind(4).execute();
        assertThat(count.take()).isEqualTo(1);
        assertThat(base.fetchCount(DSL.table("t"))).isEqualTo(4);
    }
}
