package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.ACCOUNT_VALUE;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.PersonQueries.Filter;
import dev.rollcall.store.generated.enums.PersonState;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin person list pages by key and starts every selective filter from an index: EXPLAIN
 * may not show a full scan of person, account or account_value, and the list never uses OFFSET.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonQueriesIndexUseTest {
    private static final int PERSONS = 1500;
    private static final String DEPARTMENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department";
    private FilterTestDatabase db;
    private PersonQueries queries;
    private long crm;

    @BeforeAll
    void createManyPersons() {
        db = new FilterTestDatabase();
        queries = new PersonQueries(dev.rollcall.app.JsonMapperFactory.create());
        db.dsl().transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            long hr = source(tx, "workday", "hris");
            crm = source(tx, "salesforce", "crm");
            LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
            for (int i = 0; i < PERSONS; i++) {
                boolean suspended = i % 100 == 0;
                String dept = i % 50 == 0 ? "finance" : "ops";
                long pk = tx.insertInto(PERSON).set(PERSON.ID, "p-" + i)
                        .set(PERSON.STATE, suspended ? PersonState.suspended : PersonState.active)
                        .set(PERSON.GOLDEN, JSON.valueOf("{\"department\":{\"value\":\"" + dept + "\",\"sourceId\":" + hr
                                + ",\"accountId\":\"a-" + i + "\",\"at\":\"2026-01-01T00:00:00Z\"}}"))
                        .set(PERSON.CREATED_AT, now).set(PERSON.UPDATED_AT, now)
                        .returningResult(PERSON.PK).fetchOne().value1();
                account(tx, hr, pk, "a-" + i, "user" + i + "@corp.com", dept, now);
                if (i % 40 == 0) {
                    account(tx, crm, pk, "c-" + i, "contact" + i + "@customer.example", null, now);
                }
            }
        });
        db.dsl().execute("ANALYZE TABLE person, account, account_value, source");
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    @Test
    void stateFilterWalksTheStateIndex() {
        assertNoScan(new Filter("suspended", null, null, null, null), null, 15);
    }

    @Test
    void sourceAndPersonaFiltersStartFromTheSourcesAccounts() {
        assertNoScan(new Filter(null, crm, null, null, null), null, 38);
        assertNoScan(new Filter(null, null, SourceKind.CRM, null, null), null, 38);
    }

    @Test
    void departmentAndTextStartFromTheValueIndex() {
        assertNoScan(new Filter(null, null, null, "Finance", null), null, 30);
        assertNoScan(new Filter(null, null, null, null, "user42"), null, 11);
    }

    @Test
    void laterPagesSeekByKeyInsteadOfSkipping() {
        Select<Record> q = queries.pageQuery(db.dsl(), new Filter(null, null, null, null, null), 1200L, 50);
        assertThat(q.getSQL().toLowerCase()).doesNotContain("offset");
        assertThat(q.fetch()).hasSize(50);
        Result<Record> plan = explain(q);
        assertThat(plan.stream().filter(r -> "person".equals(r.get("table", String.class))).map(r -> r.get("type", String.class)))
                .as(plan.format()).containsOnly("range");
    }

    private void assertNoScan(Filter filter, Long after, int expectedRows) {
        Select<Record> q = queries.pageQuery(db.dsl(), filter, after, 500);
        assertThat(q.fetch()).hasSize(expectedRows);
        Result<Record> plan = explain(q);
        List<String> scans = plan.stream()
                .filter(r -> List.of("person", "account", "account_value").contains(r.get("table", String.class)))
                .filter(r -> "ALL".equals(r.get("type", String.class)) || "index".equals(r.get("type", String.class)))
                .map(Record::formatCSV).toList();
        assertThat(scans).as("full scans in\n%s", plan.format()).isEmpty();
    }

    private Result<Record> explain(Select<Record> q) {
        return db.dsl().fetch("EXPLAIN " + q.getSQL(), q.getBindValues().toArray());
    }

    private static long source(DSLContext tx, String name, String kind) {
        return tx.insertInto(SOURCE).set(SOURCE.NAME, name)
                .set(SOURCE.KIND, dev.rollcall.store.generated.enums.SourceKind.valueOf(kind))
                .set(SOURCE.MAY_CREATE_PERSONS, true).returningResult(SOURCE.ID).fetchOne().value1();
    }

    private static void account(DSLContext tx, long source, long personPk, String id, String userName, String dept,
                                LocalDateTime now) {
        long pk = tx.insertInto(ACCOUNT).set(ACCOUNT.ID, id).set(ACCOUNT.SOURCE_ID, source)
                .set(ACCOUNT.USER_NAME, userName).set(ACCOUNT.USER_NAME_CI, userName).set(ACCOUNT.ACTIVE, true)
                .set(ACCOUNT.RESOURCE, JSON.valueOf("{}")).set(ACCOUNT.VERSION, 1L).set(ACCOUNT.PERSON_PK, personPk)
                .set(ACCOUNT.CREATED_AT, now).set(ACCOUNT.UPDATED_AT, now)
                .returningResult(ACCOUNT.PK).fetchOne().value1();
        tx.insertInto(ACCOUNT_VALUE).set(ACCOUNT_VALUE.ACCOUNT_PK, pk).set(ACCOUNT_VALUE.ATTR, "emails.value")
                .set(ACCOUNT_VALUE.IDX, 0).set(ACCOUNT_VALUE.SOURCE_ID, source).set(ACCOUNT_VALUE.VAL, userName).execute();
        if (dept != null) {
            tx.insertInto(ACCOUNT_VALUE).set(ACCOUNT_VALUE.ACCOUNT_PK, pk).set(ACCOUNT_VALUE.ATTR, DEPARTMENT)
                    .set(ACCOUNT_VALUE.IDX, 0).set(ACCOUNT_VALUE.SOURCE_ID, source).set(ACCOUNT_VALUE.VAL, dept).execute();
        }
    }
}
