package dev.rollcall.identity;

import java.time.Instant;
import java.util.Optional;

/** The stored authority matrix. */
public interface AuthorityRules {

    Optional<AuthorityMatrix> stored();

    void save(AuthorityMatrix matrix, String actor, Instant at);
}
