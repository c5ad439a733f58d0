package dev.rollcall.delivery;

import java.time.Duration;

/** Told of every recorded attempt (metrics); implemented in app wiring, so delivery knows no metrics library. */
public interface DeliveryObserver {
    DeliveryObserver NONE = (outcome, attempt, lag) -> { };

    /**
     * {@code outcome}: delivered, retry, dead, gone or lost_lease; {@code attempt}: the HTTP try's
     * duration; {@code lag}: from the change to now, for delivered ones (else null).
     */
    void attempted(String outcome, Duration attempt, Duration lag);

    /** {@code deliveries} finished deliveries were deleted for being older than the retention. */
    default void purged(int deliveries) {
    }
}
