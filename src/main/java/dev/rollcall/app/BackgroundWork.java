package dev.rollcall.app;

import dev.rollcall.kernel.BackgroundTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every background task of a serving process, in one place: started after the database is ready,
 * each on a thread of its own, and stopped in the reverse order of registration on shutdown.
 * CLI commands never start it.
 */
final class BackgroundWork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
    private static final long STOP_WAIT_SECONDS = 5;

    private final List<BackgroundTask> tasks = new ArrayList<>();
    private final List<ScheduledExecutorService> running = new ArrayList<>();
    private boolean started;

    synchronized void register(BackgroundTask task) {
        if (started) {
            throw new IllegalStateException("background work is already running; register " + task.name() + " before start");
        }
        tasks.add(task);
    }

    synchronized List<String> names() {
        return tasks.stream().map(BackgroundTask::name).toList();
    }

    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        for (BackgroundTask task : tasks) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, task.name());
                t.setDaemon(true);
                return t;
            });
            long delay = task.interval().toMillis();
            executor.scheduleWithFixedDelay(() -> runQuietly(task), delay, delay, TimeUnit.MILLISECONDS);
            running.add(executor);
        }
    }

    private static void runQuietly(BackgroundTask task) {
        try {
            task.runOnce();
        } catch (RuntimeException e) {
            log.warn("{} failed, will retry: {}", task.name(), e.toString());
        }
    }

    /** Stops the tasks, the last registered first, each given a few seconds to finish its pass. */
    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            ScheduledExecutorService executor = running.get(i);
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("{} did not stop within {} s", tasks.get(i).name(), STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }
}
