package dev.rollcall.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of push the blast-radius breaker counts per source. */
public enum ChangeKind {
    TERMINATION("termination"), MANAGER_CHANGE("manager_change");

    private final String wireName;

    ChangeKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ChangeKind> byWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
