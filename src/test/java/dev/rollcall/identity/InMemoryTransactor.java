package dev.rollcall.identity;

import dev.rollcall.kernel.Transactor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link Transactor} over in-memory fakes (test code). Copy-on-begin: every part is snapshotted when
 * the work starts and put back when it throws, so "a failure rolls everything back" holds as it does
 * in the database. It simplifies the rest: one transaction at a time (no locking, no isolation, no
 * deadlock retry); a nested call is a test bug and fails. Ids and pks handed out inside a rolled-back
 * transaction are not reused, like AUTO_INCREMENT.
 */
public final class InMemoryTransactor<P> implements Transactor<P> {

    /** Something a transaction changes: takes a snapshot and returns how to put it back. */
    @FunctionalInterface
    public interface Snapshotting {
        Runnable snapshot();
    }

    private final Supplier<? extends P> ports;
    private final List<Snapshotting> parts;
    private boolean inside;
    private int commits;
    private int rollbacks;

    public InMemoryTransactor(Supplier<? extends P> ports, List<Snapshotting> parts) {
        this.ports = ports;
        this.parts = List.copyOf(parts);
    }

    @Override
    public synchronized <T> T inTransaction(Function<? super P, T> work) {
        if (inside) {
            throw new IllegalStateException("fake transactor: transactions do not nest");
        }
        List<Runnable> restores = new ArrayList<>();
        parts.forEach(p -> restores.add(p.snapshot()));
        inside = true;
        try {
            T result = work.apply(ports.get());
            commits++;
            return result;
        } catch (RuntimeException | Error e) {
            restores.forEach(Runnable::run);
            rollbacks++;
            throw e;
        } finally {
            inside = false;
        }
    }

    public synchronized int commits() {
        return commits;
    }

    public synchronized int rollbacks() {
        return rollbacks;
    }
}
