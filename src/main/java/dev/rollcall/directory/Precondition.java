package dev.rollcall.directory;

/** A check the protocol makes on a locked resource before it is changed (If-Match); throws to refuse. */
@FunctionalInterface
public interface Precondition<R> {
    void check(R current);
}
