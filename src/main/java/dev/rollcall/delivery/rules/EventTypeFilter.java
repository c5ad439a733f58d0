package dev.rollcall.delivery.rules;

import dev.rollcall.events.EventType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which event types a subscription wants: exact wire names ({@code person.created}) or a prefix
 * wildcard ({@code person.*}, {@code *} for all). Every pattern must name at least one type of the
 * catalogue, so that a typo is refused at registration instead of silently matching nothing.
 */
public final class EventTypeFilter {
    private final List<String> patterns;

    private EventTypeFilter(List<String> patterns) {
        this.patterns = patterns;
    }

    /** Validates and keeps the patterns in the given order without duplicates. */
    public static EventTypeFilter of(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one event type is required");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String p : patterns) {
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("an event type must not be empty");
            }
            String t = p.trim();
            if (Arrays.stream(EventType.values()).noneMatch(type -> matches(t, type.wireName()))) {
                throw new IllegalArgumentException("'" + t + "' names no event type; use a type such as person.created"
                        + " or a wildcard such as person.*");
            }
            kept.add(t);
        }
        return new EventTypeFilter(List.copyOf(kept));
    }

    /**
     * Reads patterns as the store keeps them (comma-separated) without validating them again: a
     * pattern stored earlier that names no type today matches nothing rather than failing every write.
     */
    public static EventTypeFilter parse(String stored) {
        return new EventTypeFilter(Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    public boolean matches(String wireName) {
        return patterns.stream().anyMatch(p -> matches(p, wireName));
    }

    public List<String> patterns() {
        return patterns;
    }

    /** The comma-separated form the store keeps. */
    public String stored() {
        return String.join(",", patterns);
    }

    static boolean matches(String pattern, String wireName) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return wireName.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(wireName);
    }
}
