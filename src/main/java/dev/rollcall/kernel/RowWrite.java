package dev.rollcall.kernel;

/**
 * The result of writing a row that has unique keys: written (with its key), or refused because
 * another row already holds one of the unique values. The store recognises the duplicate from the
 * SQL error code, never from message text.
 */
public sealed interface RowWrite {

    /** The written row's key; a duplicate becomes the exception {@code refusal} makes of the taken attribute. */
    default long pkOr(java.util.function.Function<String, RuntimeException> refusal) {
        if (this instanceof Duplicate d) {
            throw refusal.apply(d.attribute());
        }
        return ((Written) this).pk();
    }

    record Written(long pk) implements RowWrite {
    }

    /** {@code attribute} names the unique value that is taken, as the domain calls it (e.g. userName). */
    record Duplicate(String attribute) implements RowWrite {
    }
}
