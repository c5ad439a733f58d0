package dev.rollcall.store;

import dev.rollcall.identity.LifecycleState;
import dev.rollcall.store.generated.enums.PersonState;

/** The person.state column and the domain's lifecycle state; NULL is a provisional person's. */
final class PersonStates {
    private PersonStates() {
    }

    static LifecycleState toDomain(PersonState state) {
        return state == null ? null : LifecycleState.valueOf(state.name().toUpperCase(java.util.Locale.ROOT));
    }

    static PersonState toDb(LifecycleState state) {
        return state == null ? null : PersonState.valueOf(state.wireName());
    }
}
