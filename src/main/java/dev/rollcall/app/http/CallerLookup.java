package dev.rollcall.app.http;

import dev.rollcall.identity.Caller;
import java.util.Optional;

/** Finds who a presented bearer token belongs to. */
@FunctionalInterface
public interface CallerLookup {
    Optional<Caller> find(String bearerToken);
}
