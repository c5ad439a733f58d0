package dev.rollcall.identity;

/** Where a new account goes: to an existing person, or to a new one. */
public sealed interface LinkDecision {
    record Existing(PersonRef person, String reason) implements LinkDecision {
    }

    record NewPerson(String reason) implements LinkDecision {
    }
}
