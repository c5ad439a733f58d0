package dev.rollcall.identity;

import java.util.Locale;

/** What resolution did with an account. */
public enum MatchOutcome {
    /** Linked to an existing person (strong key or definite score). */
    LINKED,
    /** A new person was created. */
    NEW_PERSON,
    /** A match case was opened; the account waits on a provisional person. */
    CASE,
    /** No match and the source may not create persons: the account waits on a provisional person. */
    UNRESOLVED,
    /** An admin's decision or a merge / unmerge. */
    LINKED_BY_ADMIN, NEW_PERSON_BY_ADMIN, IGNORED_BY_ADMIN, MERGED, UNMERGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
