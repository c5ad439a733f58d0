package dev.rollcall.app.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds how fast one client address may guess bearer tokens: a token bucket per address holding
 * {@code limit} failed attempts that refills over one minute. While an address's bucket is empty its
 * requests are refused before any token is looked at, so guessing makes no progress. Addresses with
 * a full bucket carry no information and are the first dropped when the map is full.
 */
public final class AuthFailureThrottle {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 10_000;

    private record Bucket(double allowance, Instant at) {
    }

    private final int limit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public AuthFailureThrottle(int limit, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.clock = clock;
    }

    /** How long the address must wait before its next attempt counts; empty when it may try now. */
    public Optional<Duration> blocked(String address) {
        Bucket b = buckets.get(address);
        if (b == null) {
            return Optional.empty();
        }
        double allowance = refilled(b, clock.instant());
        if (allowance >= 1) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - allowance) * WINDOW.toNanos() / limit)));
    }

    /** Counts a failed attempt; true when it used up the address's allowance (log that once). */
    public boolean failed(String address) {
        Instant now = clock.instant();
        if (buckets.size() >= MAX_ADDRESSES && !buckets.containsKey(address)) {
            buckets.values().removeIf(b -> refilled(b, now) >= limit);
            if (buckets.size() >= MAX_ADDRESSES) {
                buckets.clear(); // a flood from many addresses: forget rather than grow without bound
            }
        }
        Bucket after = buckets.compute(address, (a, b) ->
                new Bucket(Math.max(0, (b == null ? limit : refilled(b, now)) - 1), now));
        return after.allowance() < 1;
    }

    private double refilled(Bucket b, Instant now) {
        double elapsed = Math.max(0, Duration.between(b.at(), now).toNanos());
        return Math.min(limit, b.allowance() + elapsed * limit / WINDOW.toNanos());
    }
}
