package dev.rollcall.lifecycle;

import java.time.Instant;

/** A durable scheduled transition of one person. */
public record Timer(long pk, long personPk, TimerKind kind, String reason, Instant dueAt) {
}
