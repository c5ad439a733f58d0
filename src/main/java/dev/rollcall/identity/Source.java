package dev.rollcall.identity;

/** An upstream system allowed to push accounts. */
public record Source(long id, String name, SourceKind kind, boolean mayCreatePersons) {
}
