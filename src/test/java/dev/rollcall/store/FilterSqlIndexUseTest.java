package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.schema.filter.FilterParser;
import dev.rollcall.schema.SchemaRegistry;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filters clients send most often must be answered from indexes: EXPLAIN may not show a full
 * scan (type ALL) of account or account_value, whatever the other source holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterSqlIndexUseTest {
    private static final int USERS_PER_SOURCE = 600;
    private final SchemaRegistry registry = new SchemaRegistry();
    private final FilterSql filterSql = new FilterSql(registry);
    private FilterTestDatabase db;
    private long source;

    @BeforeAll
    void createManyUsers() {
        db = new FilterTestDatabase();
        long[] sources = new long[2];
        db.dsl().transaction(tx -> {
            FilterFixtures fx = new FilterFixtures(tx.dsl(), registry);
            sources[0] = fx.source("okta");
            sources[1] = fx.source("workday");
            for (long s : sources) {
                for (int i = 0; i < USERS_PER_SOURCE; i++) {
                    fx.user(s, "s" + s + "-u" + i, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z",
                            "{'userName':'user" + i + "','externalId':'ext-" + i + "','title':'Engineer',"
                                    + "'emails':[{'value':'user" + i + "@example.com','type':'work'},{'value':'u" + i + "@home.org','type':'home'}],"
                                    + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'employeeNumber':'" + (1000 + i) + "'}}");
                }
            }
        });
        source = sources[0];
        db.dsl().execute("ANALYZE TABLE account, account_value");
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "userName eq \"User42\"",
            "externalId eq \"ext-42\"",
            "emails.value eq \"user42@example.com\"",
            "emails eq \"user42@example.com\"",
            "emails[type eq \"work\" and value eq \"user42@example.com\"]",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1042\"",
            "userName sw \"user42\"",
    })
    void answersFromIndexesWithoutScanningAccounts(String filter) {
        assertNoScan(filterSql.users(source, FilterParser.parse(filter)));
        assertNoScan(filterSql.users(FilterParser.parse(filter)));
    }

    private void assertNoScan(Condition condition) {
        Select<Record> query = db.dsl().select(ACCOUNT.fields()).from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(source))
                .and(condition);
        assertThat(query.fetch()).isNotEmpty();
        Result<Record> plan = db.dsl().fetch("EXPLAIN " + query.getSQL(), query.getBindValues().toArray());
        List<String> scans = plan.stream()
                .filter(row -> isAccountTable(row.get("table", String.class)))
                .filter(row -> "ALL".equals(row.get("type", String.class)) || "index".equals(row.get("type", String.class)))
                .map(Record::formatCSV).toList();
        assertThat(scans).as("full scans in\n%s", plan.format()).isEmpty();
    }

    private static boolean isAccountTable(String table) {
        // account itself, or an alias v1, v2 ... of account_value
        return table != null && (table.equals("account") || table.matches("v[0-9]+"));
    }
}
