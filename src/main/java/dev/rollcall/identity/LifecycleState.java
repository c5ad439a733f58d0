package dev.rollcall.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a person is in its employment lifecycle. A provisional person (an account awaiting a match
 * decision) has no lifecycle state at all until a decision makes it real; {@code PENDING} means a
 * future start only.
 */
public enum LifecycleState {
    PENDING("pending"), ACTIVE("active"), SUSPENDED("suspended"), DEPROVISIONED("deprovisioned");

    private final String wireName;

    LifecycleState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<LifecycleState> byWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
