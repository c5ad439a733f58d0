package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ATTEMPT;
import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import dev.rollcall.delivery.rules.AttemptRecord;
import dev.rollcall.delivery.rules.DeliveryQueries;
import dev.rollcall.delivery.rules.DeliveryView;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;

/** Reads of the outbox for IT: a subscription's deliveries (ix_delivery_subscription), one with its attempts. */
public final class StoreDeliveryQueries implements DeliveryQueries {
    private final Database database;

    public StoreDeliveryQueries(Database database) {
        this.database = database;
    }

    @Override
    public List<DeliveryView> forSubscription(String subscriptionId, String status, int limit) {
        Condition c = SUBSCRIPTION.ID.eq(subscriptionId);
        if (status != null) {
            c = c.and(DELIVERY.STATUS.eq(DeliveryStatus.valueOf(status)));
        }
        return database.dsl().select(DELIVERY.fields()).select(SUBSCRIPTION.ID).from(DELIVERY)
                .join(SUBSCRIPTION).on(SUBSCRIPTION.PK.eq(DELIVERY.SUBSCRIPTION_PK))
                .where(c).orderBy(DELIVERY.PK.desc()).limit(limit)
                .fetch(r -> view(r, List.of()));
    }

    @Override
    public Optional<DeliveryView> byId(String deliveryId) {
        return database.dsl().select(DELIVERY.fields()).select(SUBSCRIPTION.ID).from(DELIVERY)
                .join(SUBSCRIPTION).on(SUBSCRIPTION.PK.eq(DELIVERY.SUBSCRIPTION_PK))
                .where(DELIVERY.ID.eq(deliveryId)).fetchOptional()
                .map(r -> view(r, attempts(r.get(DELIVERY.PK))));
    }

    private List<AttemptRecord> attempts(long deliveryPk) {
        return database.dsl().selectFrom(ATTEMPT).where(ATTEMPT.DELIVERY_PK.eq(deliveryPk)).orderBy(ATTEMPT.PK)
                .fetch(a -> new AttemptRecord(Clock.fromDb(a.getAt()), a.getLatencyMs(), a.getStatusCode(), a.getError(),
                        a.getAnswer()));
    }

    private static DeliveryView view(Record r, List<AttemptRecord> attempts) {
        return new DeliveryView(r.get(DELIVERY.ID), r.get(SUBSCRIPTION.ID), r.get(DELIVERY.EVENT_ID), r.get(DELIVERY.EVENT_TYPE),
                r.get(DELIVERY.PERSON_ID), r.get(DELIVERY.PERSON_SEQ), r.get(DELIVERY.STATUS).getLiteral(),
                r.get(DELIVERY.ATTEMPTS), Clock.fromDb(r.get(DELIVERY.NEXT_ATTEMPT_AT)), r.get(DELIVERY.LAST_ERROR),
                Clock.fromDb(r.get(DELIVERY.CREATED_AT)), Clock.fromDb(r.get(DELIVERY.FINISHED_AT)), attempts,
                r.get(DELIVERY.REPLAYS));
    }

}
