package dev.rollcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.directory.DirectoryQueries.Slice;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.filter.FilterParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A filtered list runs as text, never as a server-side prepared statement: its shape is the client's to
 * choose, and MariaDB 11.4 crashes (signal 11) re-executing such a prepared query — with the default
 * embedded database, {@code emails[type eq "home" and value co "@x"]} took the server down. A pool of one
 * connection lets the test read that session's own count of prepares.
 */
class FilterQueriesAsTextTest {
    private static final SchemaRegistry REGISTRY = new SchemaRegistry();
    private static FilterTestDatabase db;
    private static Database single;
    private static long source;

    @BeforeAll
    static void users() {
        db = new FilterTestDatabase();
        FilterFixtures fx = new FilterFixtures(db.dsl(), REGISTRY);
        source = fx.source("okta");
        fx.user(source, "u1", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'bob',"
                + "'emails':[{'value':'bob@x.example','type':'home'}]}");
        fx.user(source, "u2", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'carol',"
                + "'emails':[{'value':'carol@y.example','type':'work'}]}");
        single = db.anotherPool(1);
    }

    @AfterAll
    static void close() {
        single.close();
        db.close();
    }

    @Test
    void aFilteredListIsAnsweredTwiceWithoutPreparingAnythingOnTheServer() throws Exception {
        StoreDirectoryQueries queries = new StoreDirectoryQueries(single, new FilterSql(REGISTRY));
        long before = prepares();
        for (int i = 0; i < 2; i++) {
            var page = queries.accountsWithGroups(source, FilterParser.parse("emails[type eq \"home\" and value co \"@X\"]"),
                    new Slice(null, false, 0, 10));
            assertThat(page.items()).extracting(a -> a.account().userName()).containsExactly("bob");
            assertThat(page.total()).isEqualTo(1);
        }
        assertThat(prepares()).isEqualTo(before);
    }

    /** Com_stmt_prepare of the pool's one session. */
    private static long prepares() throws Exception {
        return SessionStatus.of(single, "Com_stmt_prepare");
    }
}
