package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.ClaimedDelivery;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One wire format of deliveries: how an attempt's request is made, and which answers end it for good. */
public interface PayloadFormat {

    /** The body and headers of one attempt made at {@code sentAt}. */
    Request render(ClaimedDelivery d, Instant sentAt);

    /** Why the answer refuses the delivery for good (no retry), or empty: then the usual verdict applies. */
    Optional<String> permanentRefusal(int status, String head);

    record Request(byte[] body, Map<String, String> headers) {
    }
}
