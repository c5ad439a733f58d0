package dev.rollcall.delivery;

import java.util.List;

/** What an update sets; null members stay as they are. */
public record SubscriptionChange(String name, String url, List<String> eventTypes, Boolean enabled) {
}
