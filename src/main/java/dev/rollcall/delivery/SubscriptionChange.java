package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.PersonFilter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an update sets; null members stay as they are ({@link AttributeMapping#NONE} /
 * {@link PersonFilter#NONE} remove one). {@code timeout} and {@code maxAttempts} are empty to go back
 * to the server's default.
 */
public record SubscriptionChange(String name, String url, List<String> eventTypes, Boolean enabled, AttributeMapping mapping,
                                 PersonFilter filter, String signing, Optional<Duration> timeout,
                                 Optional<Integer> maxAttempts) {

    /** Only enables or disables. */
    public static SubscriptionChange enabled(boolean enabled) {
        return new SubscriptionChange(null, null, null, enabled, null, null, null, null, null);
    }
}
