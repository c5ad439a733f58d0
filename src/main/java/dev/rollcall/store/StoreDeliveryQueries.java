package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ATTEMPT;
import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import dev.rollcall.delivery.rules.AttemptRecord;
import dev.rollcall.delivery.rules.DeliveryFilter;
import dev.rollcall.delivery.rules.DeliveryPage;
import dev.rollcall.delivery.rules.DeliveryQueries;
import dev.rollcall.delivery.rules.DeliveryView;
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
    public DeliveryPage forSubscription(String subscriptionId, DeliveryFilter filter, Long beforeKey, int limit) {
        Condition c = DeliveryConditions.of(subscriptionId, filter);
        if (beforeKey != null) {
            c = c.and(DELIVERY.PK.lt(beforeKey));
        }
        var rows = database.dsl().select(DELIVERY.fields()).select(SUBSCRIPTION.ID).from(DELIVERY)
                .join(SUBSCRIPTION).on(SUBSCRIPTION.PK.eq(DELIVERY.SUBSCRIPTION_PK))
                .where(c).orderBy(DELIVERY.PK.desc()).limit(limit + 1).fetch();
        List<DeliveryView> items = rows.stream().limit(limit).map(r -> view(r, List.of())).toList();
        Long next = rows.size() > limit ? rows.get(limit - 1).get(DELIVERY.PK) : null;
        return new DeliveryPage(items, next);
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
