package dev.rollcall.directory;

import dev.rollcall.events.Actor;
import dev.rollcall.identity.IdentityException;
import dev.rollcall.kernel.BackgroundTask;
import dev.rollcall.lifecycle.HoldQueries;
import dev.rollcall.lifecycle.HoldStatus;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes approvals that a restart (or a crash, or a client that gave up) cut short: a hold left
 * {@code applying} is applied on by this background task, so an approved burst never waits for IT to
 * approve it again. Running beside an approval in progress is safe: each held push is applied once,
 * under its item lock, and in arrival order under the source's gate.
 */
public final class HoldResumer implements BackgroundTask {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Actor ACTOR = Actor.of("hold-resumer");
    private static final int HOLDS_PER_PASS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(HoldResumer.class);

    private final HoldQueries holds;
    private final HoldDecisions decisions;

    public HoldResumer(HoldQueries holds, HoldDecisions decisions) {
        this.holds = holds;
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return "hold-resumer";
    }

    @Override
    public Duration interval() {
        return INTERVAL;
    }

    @Override
    public void runOnce() {
        for (HoldQueries.Summary summary : holds.page(HoldStatus.APPLYING, null, null, HOLDS_PER_PASS)) {
            if (Thread.currentThread().isInterrupted() || decisions.isApplying(summary.hold().id())) {
                continue; // an approval in this process is on it already
            }
            try {
                int applied = decisions.approve(ACTOR, summary.hold().id());
                LOG.info("resumed the approval of hold {}: {} held pushes applied", summary.hold().id(), applied);
            } catch (IdentityException e) {
                LOG.debug("hold {} needed no resuming: {}", summary.hold().id(), e.getMessage());
            }
        }
    }
}
