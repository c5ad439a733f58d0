package dev.rollcall.kernel;

import java.time.Duration;

/**
 * Work a serving process runs in the background (the audit sealer; timers and dispatchers next):
 * one pass at a time, repeated with a fixed delay. The app registers each task, starts them after
 * the database is ready and stops them in order on shutdown; a pass that throws is logged and the
 * next pass runs as planned, so one bad pass never ends the work.
 */
public interface BackgroundTask {
    /** A short name for threads and logs, e.g. {@code audit-sealer}. */
    String name();

    /** The delay between the end of one pass and the start of the next. */
    Duration interval();

    /** One pass. Must return promptly when the thread is interrupted. */
    void runOnce();
}
