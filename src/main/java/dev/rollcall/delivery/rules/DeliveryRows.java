package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What becomes of a claimed delivery, each in a short transaction after its HTTP try. Every change
 * checks that {@code owner} still holds the lease, so a dispatcher whose lease ran out and was
 * reclaimed does not overwrite the new holder's result; it returns false then. Finishing a delivery
 * (delivered or dead) releases the next one of the same subscription and person.
 */
public interface DeliveryRows {
    boolean delivered(long pk, String owner, AttemptRecord attempt);

    boolean retry(long pk, String owner, AttemptRecord attempt, Instant nextAttemptAt);

    boolean dead(long pk, String owner, AttemptRecord attempt, String reason);

    /** Gives a delivery back without an attempt (its subscription is disabled): due again at {@code at}. */
    boolean postpone(long pk, String owner, Instant at);

    /** Makes a delivered or dead delivery due again now, attempts counted afresh; empty when unknown. */
    Optional<ReplayOutcome> replay(String deliveryId, Instant now);

    enum ReplayOutcome { REPLAYED, NOT_FINISHED }
}
