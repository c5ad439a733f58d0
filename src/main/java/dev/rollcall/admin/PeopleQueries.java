package dev.rollcall.admin;

import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.Database;
import dev.rollcall.store.PersonQueries;
import dev.rollcall.store.PersonQueries.LinkedAccount;
import dev.rollcall.store.PersonQueries.PersonRow;
import dev.rollcall.store.SourceStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** Lists persons for IT: validates the filters, reads one page by key and the accounts of that page. */
public final class PeopleQueries {
    public static final Set<String> STATES = Set.of("pending", "active", "suspended", "deprovisioned");
    /** A persona is the role a person holds through a source of one kind (DESIGN.md, "persona"). */
    public static final Map<String, SourceKind> PERSONAS = Map.of(
            "employee", SourceKind.HRIS, "workforce", SourceKind.IDP, "external", SourceKind.CRM);

    /** The list's filters as the client gave them (null: not given). */
    public record Request(String state, String source, String persona, String department, String q) {
    }

    /** One page: the persons with their accounts, and the key of the last one if more may follow. */
    public record Page(List<PersonRow> persons, Map<Long, List<LinkedAccount>> accounts, Long nextKey) {
    }

    private final Database database;
    private final PersonQueries persons;
    private final SourceStore sources;

    public PeopleQueries(Database database, PersonQueries persons, SourceStore sources) {
        this.database = database;
        this.persons = persons;
        this.sources = sources;
    }

    public Page page(Request r, Long afterKey, int limit) {
        DSLContext db = database.dsl();
        PersonQueries.Filter filter = new PersonQueries.Filter(state(r.state()), sourceId(db, r.source()),
                persona(r.persona()), blankToNull(r.department()), blankToNull(r.q()));
        // One row more than asked tells whether a next page exists without counting.
        List<PersonRow> rows = persons.page(db, filter, afterKey, limit + 1);
        Long next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = rows.get(limit - 1).pk();
        }
        Map<Long, List<LinkedAccount>> accounts = persons.accountsOf(db, rows.stream().map(PersonRow::pk).toList())
                .stream().collect(Collectors.groupingBy(LinkedAccount::personPk));
        return new Page(rows, accounts, next);
    }

    private static String state(String state) {
        if (state == null || state.isEmpty()) {
            return null;
        }
        if (!STATES.contains(state)) {
            throw new AdminException(400, "'state' must be one of pending, active, suspended, deprovisioned");
        }
        return state;
    }

    private Long sourceId(DSLContext db, String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return sources.byName(db, name).map(Source::id)
                .orElseThrow(() -> new AdminException(400, "'source': no source named '" + name + "'"));
    }

    private static SourceKind persona(String persona) {
        if (persona == null || persona.isEmpty()) {
            return null;
        }
        SourceKind kind = PERSONAS.get(persona.toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new AdminException(400, "'persona' must be one of employee, workforce, external");
        }
        return kind;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
