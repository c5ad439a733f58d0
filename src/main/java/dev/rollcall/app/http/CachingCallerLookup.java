package dev.rollcall.app.http;

import dev.rollcall.identity.Caller;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers token look-ups for a short time so that authentication does not cost a database
 * round trip on every request. A revoked token stops working within the TTL. Unknown tokens are
 * not cached (so a flood of bad tokens cannot fill the map), and the map is bounded.
 */
public final class CachingCallerLookup implements CallerLookup {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long expiresAtNanos) {
    }

    private final CallerLookup delegate;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    public CachingCallerLookup(CallerLookup delegate, Duration ttl, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Drops every remembered look-up, so that a token revoked just now stops working at once here. */
    public void forgetAll() {
        cache.clear();
    }

    @Override
    public Optional<Caller> find(String bearerToken) {
        long now = nanoTime.getAsLong();
        Entry hit = cache.get(bearerToken);
        if (hit != null && hit.expiresAtNanos - now > 0) {
            return Optional.of(hit.caller);
        }
        Optional<Caller> found = delegate.find(bearerToken);
        if (found.isPresent()) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(bearerToken, new Entry(found.get(), now + ttlNanos));
        } else {
            cache.remove(bearerToken);
        }
        return found;
    }
}
