package dev.rollcall.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a hold is: open (pushes join it), applying (approved; its items are being applied in arrival
 * order, and pushes still join so that order holds), approved (all applied) or rejected (discarded).
 */
public enum HoldStatus {
    OPEN("open"), APPLYING("applying"), APPROVED("approved"), REJECTED("rejected");

    private final String wireName;

    HoldStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether pushes of the source join this hold. */
    public boolean collecting() {
        return this == OPEN || this == APPLYING;
    }

    public static Optional<HoldStatus> byWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
