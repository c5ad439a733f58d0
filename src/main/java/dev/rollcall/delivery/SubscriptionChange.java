package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.PersonFilter;
import java.util.List;

/** What an update sets; null members stay as they are ({@link AttributeMapping#NONE} / {@link PersonFilter#NONE} remove one). */
public record SubscriptionChange(String name, String url, List<String> eventTypes, Boolean enabled, AttributeMapping mapping,
                                 PersonFilter filter, String signing) {

    public static SubscriptionChange enabled(boolean enabled) {
        return new SubscriptionChange(null, null, null, enabled, null, null, null);
    }
}
