package dev.rollcall.identity;

/** An admin's decision on a match case. */
public sealed interface CaseDecision {
    /** The account belongs to this (existing) person. */
    record LinkTo(String personId) implements CaseDecision {
    }

    /** The account is a new human: its provisional person becomes real. */
    record NewPerson() implements CaseDecision {
    }

    /** Close the case and leave the account unresolved (a test or service account, say). */
    record Ignore() implements CaseDecision {
    }
}
