package dev.rollcall.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** What a timer does when it comes due. */
public enum TimerKind {
    /** The grace of a termination ran out: the suspended person is deprovisioned. */
    DEPROVISION("deprovision"),
    /** A future hire date came: the pending person becomes active (a re-evaluation of its employment). */
    ACTIVATE("activate"),
    /** A future termination date came: the person is suspended (a re-evaluation of its employment). */
    TERMINATE("terminate"),
    /** A CRM persona's transfer grace ran out: that persona ends; the timer's reason is its account id. */
    PERSONA_END("persona_end"),
    /** The manager grace ran out: the previous manager is removed from the golden record. */
    MANAGER_GRACE_END("manager_grace_end");

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
