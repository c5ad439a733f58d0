package dev.rollcall.events;

import java.util.Objects;
import java.util.UUID;

/**
 * Who made a change and under which correlation id: the request's (the one an error response and the
 * {@code X-Correlation-Id} header show) or, for background work, one of its own.
 */
public record Actor(String name, String correlationId) {
    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** An actor with a fresh correlation id (background work, the command line). */
    public static Actor of(String name) {
        return new Actor(name, UUID.randomUUID().toString());
    }
}
