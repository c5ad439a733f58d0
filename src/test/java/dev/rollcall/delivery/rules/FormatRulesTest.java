package dev.rollcall.delivery.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.events.EventPayload;
import dev.rollcall.events.NewEvent;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.Persona;
import dev.rollcall.identity.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Attribute mappings and person filters without a database. */
class FormatRulesTest {
    static final Map<String, String> GOLDEN = Map.of("name.givenName", "Ada", "email", "Ada@Example.COM",
            "title", "Engineer", "department", "Recherche & Développement");

    private static AttributeMapping.Field from(String to, String from) {
        return new AttributeMapping.Field(to, from, null, false, Map.of(), null);
    }

    @Test
    void withoutFieldsEveryGoldenAttributeGoesOutUnderItsOwnName() {
        assertThat(AttributeMapping.NONE.apply(GOLDEN)).isEqualTo(GOLDEN);
        assertThat(List.copyOf(AttributeMapping.NONE.apply(GOLDEN).keySet())).isSorted();
    }

    @Test
    void fieldsRenameLowercaseLookUpAndAddConstantsInTheirOrder() {
        AttributeMapping m = AttributeMapping.of(List.of(
                from("first_name", "name.givenName"),
                new AttributeMapping.Field("login", "email", null, true, Map.of(), null),
                new AttributeMapping.Field("role", "title", null, false, Map.of("Engineer", "staff"), "guest"),
                new AttributeMapping.Field("kind", "title", null, true, Map.of("manager", "lead"), null),
                new AttributeMapping.Field("tenant", null, "acme", false, Map.of(), null),
                from("phone", "phoneNumbers.work")));
        assertThat(m.apply(GOLDEN)).containsExactly(Map.entry("first_name", "Ada"), Map.entry("login", "ada@example.com"),
                Map.entry("role", "staff"), Map.entry("kind", "engineer"), Map.entry("tenant", "acme"));
        assertThat(m.apply(Map.of("title", "Intern"))).containsEntry("role", "guest").doesNotContainKey("first_name");
    }

    @Test
    void badMappingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> AttributeMapping.of(List.of(from("a", "x"), from("a", "y")))).hasMessageContaining("twice");
        assertThatThrownBy(() -> AttributeMapping.of(List.of(new AttributeMapping.Field("a", "x", "c", false, Map.of(), null))))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> AttributeMapping.of(List.of(new AttributeMapping.Field("a", null, null, false, Map.of(), null))))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> AttributeMapping.of(List.of(from("bad name", "x")))).hasMessageContaining("field 1");
        assertThatThrownBy(() -> AttributeMapping.of(List.of(new AttributeMapping.Field("a", null, "c", true, Map.of(), null))))
                .hasMessageContaining("constant");
        assertThatThrownBy(() -> AttributeMapping.of(List.of(new AttributeMapping.Field("a", "x", null, false, Map.of(), "o"))))
                .hasMessageContaining("'otherwise' needs");
    }

    private static PersonSnapshot person(LifecycleState state, Persona.Kind... kinds) {
        List<Persona> personas = java.util.Arrays.stream(kinds)
                .map(k -> new Persona(k, "acc-" + k, 1, "src", k != Persona.Kind.EMPLOYEE, null)).toList();
        return new PersonSnapshot("p1", 3, state, personas, GOLDEN);
    }

    @Test
    void everyCriterionGivenMustHoldAndAnyOfItsValues() {
        PersonSnapshot suspendedEmployee = person(LifecycleState.SUSPENDED, Persona.Kind.EMPLOYEE);
        assertThat(PersonFilter.NONE.matches(suspendedEmployee)).isTrue();
        assertThat(new PersonFilter(Set.of(Persona.Kind.EMPLOYEE), Set.of(), Set.of(), Set.of()).matches(suspendedEmployee))
                .as("an inactive persona still counts, so its termination is heard").isTrue();
        assertThat(new PersonFilter(Set.of(Persona.Kind.EXTERNAL), Set.of(), Set.of(), Set.of()).matches(suspendedEmployee)).isFalse();
        assertThat(new PersonFilter(Set.of(), Set.of(), Set.of(SourceKind.HRIS, SourceKind.CRM), Set.of()).matches(suspendedEmployee)).isTrue();
        assertThat(new PersonFilter(Set.of(), Set.of(), Set.of(SourceKind.IDP), Set.of()).matches(suspendedEmployee)).isFalse();
        assertThat(new PersonFilter(Set.of(), Set.of("recherche & developpement"), Set.of(), Set.of()).matches(suspendedEmployee))
                .as("departments compare folded").isTrue();
        assertThat(new PersonFilter(Set.of(), Set.of("Sales"), Set.of(), Set.of()).matches(suspendedEmployee)).isFalse();
        assertThat(new PersonFilter(Set.of(), Set.of(), Set.of(), Set.of(LifecycleState.ACTIVE)).matches(suspendedEmployee)).isFalse();
        assertThat(new PersonFilter(Set.of(Persona.Kind.EMPLOYEE), Set.of(), Set.of(), Set.of(LifecycleState.ACTIVE))
                .matches(suspendedEmployee)).as("all criteria must hold").isFalse();
        assertThatThrownBy(() -> new PersonFilter(Set.of(), Set.of(" "), Set.of(), Set.of())).hasMessageContaining("department");
    }

    @Test
    void theOutboxAsksForTheSnapshotOnlyWhenAFilterNeedsItAndGroupEventsPassEveryFilter() {
        PersonFilter externals = new PersonFilter(Set.of(Persona.Kind.EXTERNAL), Set.of(), Set.of(), Set.of());
        List<SubscriptionTarget> subs = List.of(
                new SubscriptionTarget(1, EventTypeFilter.of(List.of("*")), PersonFilter.NONE),
                new SubscriptionTarget(2, EventTypeFilter.of(List.of("*")), externals));
        OutboxRouting routing = new OutboxRouting();
        NewEvent created = NewEvent.aboutPerson(new EventPayload.PersonCreated("p1", Map.of(), null, null), "p1", 1, null, true);
        assertThat(routing.subscribers(subs, created, () -> EventSnapshot.of(person(LifecycleState.ACTIVE, Persona.Kind.EMPLOYEE))))
                .containsExactly(1L);
        assertThat(routing.subscribers(subs, created, () -> EventSnapshot.of(person(LifecycleState.ACTIVE, Persona.Kind.EXTERNAL))))
                .containsExactly(1L, 2L);
        NewEvent group = NewEvent.aboutGroup(new EventPayload.GroupDeleted("g1", "src", "G", List.of(), List.of()), "g1", 1L);
        assertThat(routing.subscribers(subs, group, () -> {
            throw new AssertionError("a group event needs no person snapshot");
        })).containsExactly(1L, 2L);
    }
}
