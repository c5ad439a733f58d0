package dev.rollcall.lifecycle;

import java.time.Instant;

/** A held push as stored, in arrival order (pk); status pending, applied or discarded. */
public record HeldItem(long pk, long holdPk, HeldPush push, Instant receivedAt, String status) {
}
