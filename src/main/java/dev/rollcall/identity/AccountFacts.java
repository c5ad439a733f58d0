package dev.rollcall.identity;

import java.util.Map;

/**
 * What one account says about its human, as flat attribute paths and text values
 * ({@code name.givenName}, {@code emails.work}, {@code department}, {@code workerId}, ...).
 * The protocol layer extracts it; the domain decides what it means for the person.
 */
public record AccountFacts(String workerId, boolean active, Map<String, String> attributes) {
    public AccountFacts {
        attributes = Map.copyOf(attributes);
    }
}
