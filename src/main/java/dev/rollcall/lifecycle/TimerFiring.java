package dev.rollcall.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Fires one claimed batch of timers, split into groups (see {@link TimerGroups}), on up to
 * {@code threads} threads, each group on its own (its own transaction, by the caller's function), and
 * waits for all of them. A failure of one group never stops the others. The threads end after a few
 * idle seconds, so a scheduler that stops leaves none.
 */
final class TimerFiring {
    private static final long IDLE_SECONDS = 5;

    /** What a batch came to: its first failure (others suppressed) and the timers never started. */
    record Outcome(RuntimeException failure, List<Timer> notStarted) {
    }

    private final int threads;
    private final ThreadPoolExecutor executor;

    TimerFiring(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        AtomicInteger numbers = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, name + "-fire-" + numbers.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Fires every group of {@code due}. When the calling thread is interrupted meanwhile, the groups
     * not yet started are not fired (their timers returned in notStarted), those already firing are
     * waited for, and the interrupt is kept.
     */
    Outcome fireAll(List<List<Timer>> due, Consumer<List<Timer>> fire) {
        if (threads == 1 || due.size() <= 1) {
            return inOrder(due, fire);
        }
        AtomicBoolean stopping = new AtomicBoolean();
        List<Future<Boolean>> running = new ArrayList<>(due.size());
        for (List<Timer> group : due) {
            running.add(executor.submit(() -> {
                if (stopping.get()) {
                    return false; // never started: handed back
                }
                fire.accept(group);
                return true;
            }));
        }
        RuntimeException failure = null;
        List<Timer> notStarted = new ArrayList<>();
        boolean interrupted = false;
        for (int i = 0; i < running.size(); i++) {
            while (true) {
                try {
                    if (!running.get(i).get()) {
                        notStarted.addAll(due.get(i));
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the rest of the queue is skipped; what runs is waited for
                    stopping.set(true);
                } catch (ExecutionException e) {
                    failure = merge(failure, e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("timers " + due.get(i).stream().map(Timer::pk).toList() + " failed",
                                    e.getCause()));
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Outcome(failure, notStarted);
    }

    private static Outcome inOrder(List<List<Timer>> due, Consumer<List<Timer>> fire) {
        RuntimeException failure = null;
        for (List<Timer> group : due) {
            try {
                fire.accept(group);
            } catch (RuntimeException e) {
                failure = merge(failure, e);
            }
        }
        return new Outcome(failure, List.of());
    }

    static RuntimeException merge(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        if (next != null && next != first) {
            first.addSuppressed(next);
        }
        return first;
    }
}
