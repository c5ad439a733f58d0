package dev.rollcall.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** What a timer does when it comes due. */
public enum TimerKind {
    /** The grace of a termination ran out: the suspended person is deprovisioned. */
    DEPROVISION("deprovision");

    private final String wireName;

    TimerKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<TimerKind> byWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
