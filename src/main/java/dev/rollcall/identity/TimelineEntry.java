package dev.rollcall.identity;

import java.time.Instant;

/**
 * One thing that happened to a person: an event (pushes received, person changes old → new,
 * merges), a match decision with its evidence, an audited admin action, or a timer's step
 * (scheduled, moved, cancelled, fired). {@code detailsJson} is
 * the stored record as JSON text, passed through untouched.
 */
public record TimelineEntry(Instant at, Kind kind, String type, String actor, String detailsJson) {
    public enum Kind { EVENT, MATCH_DECISION, AUDIT, TIMER }
}
