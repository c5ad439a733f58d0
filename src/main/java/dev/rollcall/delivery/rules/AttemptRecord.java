package dev.rollcall.delivery.rules;

import java.time.Instant;

/**
 * One HTTP try: when, how long, the status code (null when no answer came), what went wrong (null on
 * success) and the first kilobyte of the answer.
 */
public record AttemptRecord(Instant at, long latencyMs, Integer statusCode, String error, String answer) {
}
