package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What becomes of a claimed delivery, each in a short transaction after its HTTP try. Every change
 * checks that {@code owner} still holds the lease, so a dispatcher whose lease ran out and was
 * reclaimed does not overwrite the new holder's result; it returns false then. Finishing a delivery
 * (delivered or dead) releases the next one of the same subscription and person.
 */
public interface DeliveryRows {
    boolean delivered(long pk, String owner, AttemptRecord attempt);

    /**
     * {@link #delivered} for many deliveries in a few statements (one batch of a dispatcher): returns the
     * pks that were still leased to {@code owner} and so were written; the others are left untouched.
     */
    Set<Long> deliveredAll(String owner, Map<Long, AttemptRecord> attempts);

    boolean retry(long pk, String owner, AttemptRecord attempt, Instant nextAttemptAt);

    boolean dead(long pk, String owner, AttemptRecord attempt, String reason);

    /** Gives a delivery back without an attempt (its subscription is disabled): due again at {@code at}. */
    boolean postpone(long pk, String owner, Instant at);

    /**
     * Makes a delivered or dead delivery owed again with a fresh round of attempts (the count and log
     * stay); empty when unknown. Per-person order holds: it is due now only when nothing else of its
     * chain is in flight, else it waits its turn by sequence.
     */
    Optional<ReplayOutcome> replay(String deliveryId, Instant now);

    enum ReplayOutcome { REPLAYED, NOT_FINISHED }

    /**
     * Replays the subscription's deliveries that match (delivered and dead ones as {@link #replay};
     * failed ones become due now with a fresh round), at most {@code max}; -1, changing nothing, when
     * more match.
     */
    int replayMatching(String subscriptionId, DeliveryFilter filter, Instant now, int max);
}
