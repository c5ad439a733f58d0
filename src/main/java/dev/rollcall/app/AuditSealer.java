package dev.rollcall.app;

import dev.rollcall.store.AuditChain;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seals the audit chain in the background every second; rows settle for a few seconds first. */
public final class AuditSealer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    static final Duration SETTLE = Duration.ofSeconds(5);

    private final AuditChain chain;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    public AuditSealer(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-sealer");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::sealQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void sealQuietly() {
        try {
            while (chain.sealPending(clock.instant().minus(SETTLE), 500) == 500) {
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            log.warn("sealing the audit chain failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
