package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import dev.rollcall.delivery.rules.DeliveryFilter;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** A delivery filter as SQL over one subscription's rows (ix_delivery_subscription, _chain and _sub_created serve it). */
final class DeliveryConditions {
    private DeliveryConditions() {
    }

    static Condition of(String subscriptionId, DeliveryFilter f) {
        Condition c = DELIVERY.SUBSCRIPTION_PK.eq(DSL.select(SUBSCRIPTION.PK).from(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(subscriptionId)));
        if (f.status() != null) {
            c = c.and(DELIVERY.STATUS.eq(DeliveryStatus.valueOf(f.status())));
        }
        if (f.personId() != null) {
            c = c.and(DELIVERY.PERSON_ID.eq(f.personId()));
        }
        if (f.eventTypePrefix() != null) {
            c = c.and(DELIVERY.EVENT_TYPE.startsWith(f.eventTypePrefix()));
        } else if (f.eventType() != null) {
            c = c.and(DELIVERY.EVENT_TYPE.eq(f.eventType()));
        }
        if (f.from() != null) {
            c = c.and(DELIVERY.CREATED_AT.ge(Clock.toDb(f.from())));
        }
        if (f.to() != null) {
            c = c.and(DELIVERY.CREATED_AT.lt(Clock.toDb(f.to())));
        }
        return c;
    }
}
