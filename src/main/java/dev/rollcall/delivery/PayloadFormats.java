package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.Subscription;

/** The format of each subscription's deliveries, by its {@code format} name. */
public final class PayloadFormats {
    private final PayloadFormat standardWebhooks;
    private final PayloadFormat set;

    public PayloadFormats(PayloadFormat standardWebhooks, PayloadFormat set) {
        this.standardWebhooks = standardWebhooks;
        this.set = set;
    }

    public PayloadFormat of(String format) {
        return Subscription.SET.equals(format) ? set : standardWebhooks;
    }
}
