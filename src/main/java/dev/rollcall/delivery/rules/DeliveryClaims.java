package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.List;

/**
 * Claims due deliveries for one dispatcher in a short transaction of its own: rows another
 * dispatcher holds are skipped, what is taken is leased to {@code owner} until {@code leaseUntil}.
 * A lease that ran out (its dispatcher died) makes the delivery claimable again.
 */
public interface DeliveryClaims {
    List<ClaimedDelivery> claim(Instant now, String owner, Instant leaseUntil, int limit);
}
