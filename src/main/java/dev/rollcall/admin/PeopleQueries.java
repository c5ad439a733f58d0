package dev.rollcall.admin;

import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PeopleDirectory;
import dev.rollcall.identity.PeopleDirectory.ListedAccount;
import dev.rollcall.identity.PeopleDirectory.ListedPerson;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceDirectory;
import dev.rollcall.identity.SourceKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Lists persons for IT: validates the filters, reads one page by key and the accounts of that page. */
public final class PeopleQueries {
    /** A persona is the role a person holds through a source of one kind (DESIGN.md, "persona"). */
    public static final Map<String, SourceKind> PERSONAS = Map.of(
            "employee", SourceKind.HRIS, "workforce", SourceKind.IDP, "external", SourceKind.CRM);

    /** The list's filters as the client gave them (null: not given). */
    public record Request(String state, String source, String persona, String department, String q) {
    }

    /** One page: the persons with their accounts, and the key of the last one if more may follow. */
    public record Page(List<ListedPerson> persons, Map<Long, List<ListedAccount>> accounts, Long nextKey) {
    }

    private final PeopleDirectory people;
    private final SourceDirectory sources;

    public PeopleQueries(PeopleDirectory people, SourceDirectory sources) {
        this.people = people;
        this.sources = sources;
    }

    public Page page(Request r, Long afterKey, int limit) {
        PeopleDirectory.Filter filter = new PeopleDirectory.Filter(state(r.state()), sourceId(r.source()),
                persona(r.persona()), blankToNull(r.department()), blankToNull(r.q()));
        // One row more than asked tells whether a next page exists without counting.
        List<ListedPerson> rows = people.page(filter, afterKey, limit + 1);
        Long next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = rows.get(limit - 1).pk();
        }
        Map<Long, List<ListedAccount>> accounts = people.accountsOf(rows.stream().map(ListedPerson::pk).toList())
                .stream().collect(Collectors.groupingBy(ListedAccount::personPk));
        return new Page(rows, accounts, next);
    }

    private static LifecycleState state(String state) {
        if (state == null || state.isEmpty()) {
            return null;
        }
        return LifecycleState.byWireName(state).orElseThrow(
                () -> new AdminException(400, "'state' must be one of pending, active, suspended, deprovisioned"));
    }

    private Long sourceId(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return sources.byName(name).map(Source::id)
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
