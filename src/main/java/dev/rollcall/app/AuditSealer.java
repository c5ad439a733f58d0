package dev.rollcall.app;

import dev.rollcall.kernel.BackgroundTask;
import dev.rollcall.store.AuditChain;
import java.time.Clock;
import java.time.Duration;

/** Seals the audit chain every second; rows settle for a few seconds first. */
public final class AuditSealer implements BackgroundTask {
    static final Duration SETTLE = Duration.ofSeconds(5);
    private static final int BATCH = 500;

    private final AuditChain chain;
    private final Clock clock;

    public AuditSealer(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "audit-sealer";
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void runOnce() {
        while (chain.sealPending(clock.instant().minus(SETTLE), BATCH) == BATCH && !Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
    }
}
