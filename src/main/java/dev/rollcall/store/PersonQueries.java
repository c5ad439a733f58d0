package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.ACCOUNT_VALUE;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.SOURCE;

import dev.rollcall.identity.PeopleDirectory.ListedAccount;
import dev.rollcall.identity.PeopleDirectory.ListedPerson;
import dev.rollcall.identity.SourceKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The person list for the admin API: filtered pages by key (person.pk, never OFFSET) and the
 * accounts linked to one page. Every filter starts from an index:
 * state from (state, pk), source and persona from (source_id, person_pk), department and text
 * from the account value index and the case-folded userName.
 */
public final class PersonQueries {
    private static final String DEPARTMENT_KEY = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department";
    /** Index keys searched by free text, besides the userName column. */
    private static final List<String> TEXT_KEYS = List.of("emails.value", "displayname", "name.formatted",
            "name.givenname", "name.familyname");
    private static final char ESCAPE = '!';

    /** A filter of the person list; null members do not filter. state is the column's literal. */
    public record Filter(String state, Long sourceId, SourceKind accountKind, String department, String text) {
    }

    private final PersonStore persons;

    public PersonQueries(com.fasterxml.jackson.databind.ObjectMapper json) {
        this.persons = new PersonStore(json);
    }

    /** Up to limit persons after the given key (null: from the start), in key order. */
    public List<ListedPerson> page(DSLContext db, Filter filter, Long afterPk, int limit) {
        return pageQuery(db, filter, afterPk, limit).fetch(this::toRow);
    }

    /** The page query, unexecuted (tests EXPLAIN it). */
    Select<Record> pageQuery(DSLContext db, Filter filter, Long afterPk, int limit) {
        SelectJoinStep<Record> from = db.select(PERSON.asterisk()).from(PERSON);
        if (filter.text() != null) {
            Table<?> matches = textMatches(db, filter.text());
            from = from.join(matches).on(PERSON.PK.eq(matches.field(0, Long.class)));
        }
        SelectConditionStep<Record> where = from.where(conditions(db, filter));
        if (afterPk != null) {
            where = where.and(PERSON.PK.gt(afterPk));
        }
        return where.orderBy(PERSON.PK).limit(limit);
    }

    /** The accounts linked to the given persons, by person then creation. */
    public List<ListedAccount> accountsOf(DSLContext db, Collection<Long> personPks) {
        if (personPks.isEmpty()) {
            return List.of();
        }
        // not the stored resource: the list shows none of it
        return db.select(ACCOUNT.PERSON_PK, ACCOUNT.ID, ACCOUNT.SOURCE_ID, ACCOUNT.EXTERNAL_ID, ACCOUNT.USER_NAME,
                        ACCOUNT.WORKER_ID, ACCOUNT.ACTIVE, ACCOUNT.CREATED_AT, ACCOUNT.UPDATED_AT, SOURCE.NAME, SOURCE.KIND)
                .from(ACCOUNT)
                .join(SOURCE).on(SOURCE.ID.eq(ACCOUNT.SOURCE_ID))
                .where(ACCOUNT.PERSON_PK.in(personPks))
                .orderBy(ACCOUNT.PERSON_PK, ACCOUNT.PK)
                .fetch(r -> new ListedAccount(r.get(ACCOUNT.PERSON_PK), r.get(ACCOUNT.ID), r.get(ACCOUNT.SOURCE_ID),
                        r.get(SOURCE.NAME), SourceKind.fromWireName(r.get(SOURCE.KIND).getLiteral()),
                        r.get(ACCOUNT.EXTERNAL_ID), r.get(ACCOUNT.USER_NAME), r.get(ACCOUNT.WORKER_ID),
                        r.get(ACCOUNT.ACTIVE), Clock.fromDb(r.get(ACCOUNT.CREATED_AT)), Clock.fromDb(r.get(ACCOUNT.UPDATED_AT))));
    }

    private List<Condition> conditions(DSLContext db, Filter f) {
        List<Condition> out = new ArrayList<>();
        // A person merged into another is no longer a person of its own; its survivor is listed.
        out.add(PERSON.MERGED_INTO_PK.isNull());
        if (f.state() != null) {
            out.add(PERSON.STATE.eq(dev.rollcall.store.generated.enums.PersonState.valueOf(f.state())));
        }
        if (f.sourceId() != null) {
            out.add(PERSON.PK.in(DSL.select(ACCOUNT.PERSON_PK).from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(f.sourceId()))));
        }
        if (f.accountKind() != null) {
            out.add(PERSON.PK.in(DSL.select(ACCOUNT.PERSON_PK).from(ACCOUNT)
                    .where(ACCOUNT.SOURCE_ID.in(sourceIds(db, f.accountKind())))));
        }
        if (f.department() != null) {
            String folded = f.department().toLowerCase(Locale.ROOT);
            out.add(PERSON.PK.in(DSL.select(ACCOUNT.PERSON_PK).from(ACCOUNT_VALUE)
                    .join(ACCOUNT).on(ACCOUNT.PK.eq(ACCOUNT_VALUE.ACCOUNT_PK))
                    .where(ACCOUNT_VALUE.SOURCE_ID.in(sourceIds(db, null)))
                    .and(ACCOUNT_VALUE.ATTR.eq(DEPARTMENT_KEY)).and(ACCOUNT_VALUE.VAL.eq(folded))));
            // An account's department is a candidate; the person's golden department decides.
            Field<String> golden = DSL.field("json_value({0}, '$.department.value')", String.class, PERSON.GOLDEN);
            out.add(DSL.lower(golden).eq(folded));
        }
        return out;
    }

    /** Persons with a userName, email or name starting with the text (case-insensitive). */
    private static Table<?> textMatches(DSLContext db, String text) {
        String prefix = escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
        List<Long> sources = sourceIds(db, null);
        return DSL.select(ACCOUNT.PERSON_PK.as("person_pk")).from(ACCOUNT)
                .where(ACCOUNT.SOURCE_ID.in(sources)).and(ACCOUNT.USER_NAME_CI.like(prefix, ESCAPE))
                .union(DSL.select(ACCOUNT.PERSON_PK).from(ACCOUNT_VALUE)
                        .join(ACCOUNT).on(ACCOUNT.PK.eq(ACCOUNT_VALUE.ACCOUNT_PK))
                        .where(ACCOUNT_VALUE.SOURCE_ID.in(sources)).and(ACCOUNT_VALUE.ATTR.in(TEXT_KEYS))
                        .and(ACCOUNT_VALUE.VAL.like(prefix, ESCAPE)))
                .asTable("text_match");
    }

    /**
     * Source ids (of one kind, or all). The value and userName indexes lead with source_id, so
     * naming every source turns a cross-source search into a few index range scans.
     */
    private static List<Long> sourceIds(DSLContext db, SourceKind kind) {
        Condition c = kind == null ? DSL.noCondition()
                : SOURCE.KIND.eq(dev.rollcall.store.generated.enums.SourceKind.valueOf(kind.wireName()));
        return db.select(SOURCE.ID).from(SOURCE).where(c).fetch(SOURCE.ID);
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private ListedPerson toRow(Record r) {
        return new ListedPerson(r.get(PERSON.PK), r.get(PERSON.ID), PersonStates.toDomain(r.get(PERSON.STATE)), r.get(PERSON.STATE_REASON),
                r.get(PERSON.PROVISIONAL), persons.fromJson(r.get(PERSON.GOLDEN).data()), r.get(PERSON.VERSION),
                Clock.fromDb(r.get(PERSON.CREATED_AT)), Clock.fromDb(r.get(PERSON.UPDATED_AT)));
    }
}
