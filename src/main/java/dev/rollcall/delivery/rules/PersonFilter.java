package dev.rollcall.delivery.rules;

import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.NameFolding;
import dev.rollcall.identity.Persona;
import dev.rollcall.identity.SourceKind;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which persons a subscription hears of, decided on the snapshot of each event's commit: every
 * criterion given must hold (any of its values): a persona of one of the kinds (active or not, so a
 * termination still reaches the subscribers of employees), an account from one of the source kinds,
 * the golden {@code department} (compared case- and accent-folded), the lifecycle state at commit.
 * Group events are not about a person and pass every filter.
 */
public record PersonFilter(Set<Persona.Kind> personas, Set<String> departments, Set<SourceKind> sourceKinds,
                           Set<LifecycleState> states) {
    public static final PersonFilter NONE = new PersonFilter(Set.of(), Set.of(), Set.of(), Set.of());
    static final int MAX_DEPARTMENTS = 100;

    public PersonFilter {
        personas = Set.copyOf(personas);
        departments = Set.copyOf(departments);
        sourceKinds = Set.copyOf(sourceKinds);
        states = Set.copyOf(states);
        if (departments.size() > MAX_DEPARTMENTS) {
            throw new IllegalArgumentException("at most " + MAX_DEPARTMENTS + " departments");
        }
        for (String d : departments) {
            if (d == null || d.isBlank() || d.length() > 512) {
                throw new IllegalArgumentException("a department must be a non-empty string of at most 512 characters");
            }
        }
    }

    public boolean isNone() {
        return personas.isEmpty() && departments.isEmpty() && sourceKinds.isEmpty() && states.isEmpty();
    }

    public boolean matches(PersonSnapshot p) {
        if (!personas.isEmpty() && p.personas().stream().noneMatch(x -> personas.contains(x.kind()))) {
            return false;
        }
        if (!sourceKinds.isEmpty() && p.personas().stream().noneMatch(x -> sourceKinds.contains(sourceKind(x.kind())))) {
            return false;
        }
        if (!states.isEmpty() && (p.state() == null || !states.contains(p.state()))) {
            return false;
        }
        if (!departments.isEmpty()) {
            String d = p.golden().get("department");
            Set<String> folded = departments.stream().map(NameFolding::fold).collect(Collectors.toSet());
            return d != null && folded.contains(NameFolding.fold(d));
        }
        return true;
    }

    /** A persona's kind names its source's kind one to one (Persona.Kind.of). */
    private static SourceKind sourceKind(Persona.Kind kind) {
        return switch (kind) {
            case EMPLOYEE -> SourceKind.HRIS;
            case WORKFORCE -> SourceKind.IDP;
            case EXTERNAL -> SourceKind.CRM;
        };
    }
}
