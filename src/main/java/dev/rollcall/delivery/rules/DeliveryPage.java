package dev.rollcall.delivery.rules;

import java.util.List;

/** One page of a delivery list, newest first; {@code nextKey} continues after it (null on the last page). */
public record DeliveryPage(List<DeliveryView> items, Long nextKey) {
}
