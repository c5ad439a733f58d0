package dev.rollcall.identity;

/**
 * An upstream system allowed to push accounts. {@code assertsWorkerIds}: whether a worker id it
 * pushes is a strong key (links accounts, claims the worker id for a person) or evidence only.
 */
public record Source(long id, String name, SourceKind kind, boolean mayCreatePersons, boolean assertsWorkerIds) {

    /** A source with its kind's default for asserting worker ids. */
    public Source(long id, String name, SourceKind kind, boolean mayCreatePersons) {
        this(id, name, kind, mayCreatePersons, kind.assertsWorkerIdsByDefault());
    }

    public Source withAssertsWorkerIds(boolean asserts) {
        return new Source(id, name, kind, mayCreatePersons, asserts);
    }
}
