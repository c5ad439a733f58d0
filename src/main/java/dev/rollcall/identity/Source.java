package dev.rollcall.identity;

import java.util.Optional;

/**
 * An upstream system allowed to push accounts. {@code assertsWorkerIds}: whether a worker id it
 * pushes is a strong key (links accounts, claims the worker id for a person) or evidence only.
 * {@code correlationAttribute} (may be null): the attribute its accounts are correlated by, a strong key
 * declared for this source (see {@link Matcher}); it travels with the source, so matching asks nothing more.
 */
public record Source(long id, String name, SourceKind kind, boolean mayCreatePersons, boolean assertsWorkerIds,
                     String correlationAttribute) {

    /** A source with its kind's default for asserting worker ids and no correlation attribute. */
    public Source(long id, String name, SourceKind kind, boolean mayCreatePersons) {
        this(id, name, kind, mayCreatePersons, kind.assertsWorkerIdsByDefault());
    }

    /** A source without a correlation attribute. */
    public Source(long id, String name, SourceKind kind, boolean mayCreatePersons, boolean assertsWorkerIds) {
        this(id, name, kind, mayCreatePersons, assertsWorkerIds, null);
    }

    public Source withAssertsWorkerIds(boolean asserts) {
        return new Source(id, name, kind, mayCreatePersons, asserts, correlationAttribute);
    }

    public Source withCorrelationAttribute(String attribute) {
        return new Source(id, name, kind, mayCreatePersons, assertsWorkerIds, attribute);
    }

    public Optional<String> correlation() {
        return Optional.ofNullable(correlationAttribute);
    }
}
