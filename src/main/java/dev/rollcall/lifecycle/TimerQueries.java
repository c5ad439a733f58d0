package dev.rollcall.lifecycle;

import java.time.Instant;
import java.util.List;

/** Timers as IT lists them, outside any change: filtered pages in (due time, key) order, never by offset. */
public interface TimerQueries {

    /** Null members do not filter; due bounds are inclusive after, exclusive before. */
    record Filter(TimerKind kind, String status, Instant dueAfter, Instant dueBefore, String personId) {
    }

    /** Where a page starts: after this (due, key); null for the first page. */
    record After(Instant dueAt, long pk) {
    }

    /** One timer row: movedFrom is the key of the row it replaced, finishedBy who cancelled or moved it. */
    record Listed(long pk, String personId, TimerKind kind, String reason, Instant dueAt, String status,
                  Instant createdAt, Instant finishedAt, String finishedBy, Long movedFrom) {
    }

    List<Listed> page(Filter filter, After after, int limit);
}
