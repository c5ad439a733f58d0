package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ATTEMPT;
import static dev.rollcall.store.generated.Tables.DELIVERY;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;
import static dev.rollcall.store.generated.Tables.TIMER;

import dev.rollcall.delivery.rules.HealthQueries;
import dev.rollcall.delivery.rules.SubscriptionHealth;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import dev.rollcall.store.generated.enums.TimerStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * The integrations' health: per subscription one grouped read of its open deliveries
 * (ix_delivery_subscription), one of the last hour's attempts (ix_attempt_at, joined to their
 * deliveries); the gauges count ranges of ix_delivery_due and ix_timer_due.
 */
public final class StoreHealthQueries implements HealthQueries {
    private final Database database;

    public StoreHealthQueries(Database database) {
        this.database = database;
    }

    @Override
    public List<SubscriptionHealth> subscriptions(Instant now) {
        DSLContext dsl = database.dsl();
        Map<Long, Record3<Long, Integer, LocalDateTime>> open = new HashMap<>();
        dsl.select(DELIVERY.SUBSCRIPTION_PK, DSL.count(), DSL.min(DELIVERY.CREATED_AT)).from(DELIVERY)
                .where(DELIVERY.STATUS.in(StoreOutbox.OPEN)).groupBy(DELIVERY.SUBSCRIPTION_PK)
                .forEach(r -> open.put(r.value1(), r));
        Map<Long, long[]> hour = new HashMap<>();
        var accepted = DSL.sum(DSL.when(ATTEMPT.STATUS_CODE.between(200, 299), 1).otherwise(0));
        dsl.select(DELIVERY.SUBSCRIPTION_PK, DSL.count(), accepted).from(ATTEMPT)
                .join(DELIVERY).on(DELIVERY.PK.eq(ATTEMPT.DELIVERY_PK))
                .where(ATTEMPT.AT.gt(Clock.toDb(now.minus(Duration.ofHours(1))))).and(ATTEMPT.AT.le(Clock.toDb(now)))
                .groupBy(DELIVERY.SUBSCRIPTION_PK)
                .forEach(r -> hour.put(r.value1(), new long[] {r.value2(), r.value3() == null ? 0 : r.value3().longValue()}));
        return dsl.selectFrom(SUBSCRIPTION).orderBy(SUBSCRIPTION.PK).fetch(s -> {
            var o = open.get(s.getPk());
            long[] h = hour.getOrDefault(s.getPk(), new long[] {0, 0});
            return new SubscriptionHealth(s.getId(), s.getName(), s.getEnabled(), s.getDisabledReason(),
                    o == null ? 0 : o.value2(), o == null ? null : Clock.fromDb(o.value3()), Clock.fromDb(s.getFailingSince()),
                    Clock.fromDb(s.getLastSuccessAt()), h[0], h[1]);
        });
    }

    @Override
    public long outboxDepth() {
        return database.dsl().fetchCount(DELIVERY, DELIVERY.STATUS.in(StoreOutbox.OPEN));
    }

    @Override
    public long timersDue(Instant now) {
        return database.dsl().fetchCount(TIMER, TIMER.STATUS.eq(TimerStatus.pending).and(TIMER.DUE_AT.le(Clock.toDb(now))));
    }

}
