package dev.rollcall.delivery.rules;

import java.time.Duration;

/** The server's request timeout and maximum of attempts, for subscriptions without their own. */
public record DeliveryDefaults(Duration timeout, int maxAttempts) {
}
