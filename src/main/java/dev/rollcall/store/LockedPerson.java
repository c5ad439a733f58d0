package dev.rollcall.store;

import dev.rollcall.identity.GoldenRecord;

/** A person row locked by the current transaction: its golden record and event sequence so far. */
public record LockedPerson(long pk, String id, GoldenRecord golden, long eventSeq) {
}
