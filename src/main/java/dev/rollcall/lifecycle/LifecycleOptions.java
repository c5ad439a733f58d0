package dev.rollcall.lifecycle;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The lifecycle settings besides the termination graces: how long a previous manager stays visible
 * after a change, how long a CRM persona keeps access after its account moved or its contact was
 * deleted, and the time zone a plain date ({@code 2026-12-01}) is read in when its source sets none.
 */
public record LifecycleOptions(Duration managerChangeGrace, Duration crmTransferGrace, ZoneId sourceZone) {

    public LifecycleOptions {
        Objects.requireNonNull(sourceZone, "sourceZone");
        for (Duration d : new Duration[]{managerChangeGrace, crmTransferGrace}) {
            if (Objects.requireNonNull(d, "grace").isNegative()) {
                throw new IllegalArgumentException("a grace period must not be negative, got " + d);
            }
        }
    }

    /** P7D manager grace, P30D CRM transfer grace, UTC. */
    public static LifecycleOptions defaults() {
        return new LifecycleOptions(Duration.ofDays(7), Duration.ofDays(30), ZoneOffset.UTC);
    }
}
