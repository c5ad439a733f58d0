package dev.rollcall.delivery.rules;

import dev.rollcall.events.AuditLog;

/** The ports a registry change or a delivery outcome is written through, in one transaction. */
public interface DeliveryTx {
    SubscriptionRows subscriptions();

    DeliveryRows deliveries();

    AuditLog audit();

    SigningKeyRows signingKeys();
}
