package dev.rollcall.app;

import dev.rollcall.kernel.BackgroundTask;
import dev.rollcall.store.AuditChain;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Links newly committed audit rows into the hash chain every second, whatever order they committed in. */
public final class AuditSealer implements BackgroundTask {
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
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
        AuditChain.SealPass pass;
        do {
            pass = chain.sealPending(clock.instant(), BATCH);
            if (!pass.suspect().isEmpty()) {
                log.error("audit rows at seq {} were altered or deleted before they were sealed; `audit verify` reports them",
                        pass.suspect());
            }
        } while (pass.more() && !Thread.currentThread().isInterrupted());
    }
}
