package dev.rollcall.identity;

import java.time.Instant;

/** A lifecycle step scheduled for a person and not yet fired, as IT sees it (e.g. deprovision, when, why). */
public record PendingTimer(String kind, String reason, Instant dueAt) {
}
