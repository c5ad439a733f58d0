package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ATTEMPT;
import static dev.rollcall.store.generated.Tables.DELIVERY;

import dev.rollcall.delivery.rules.AttemptRecord;
import dev.rollcall.delivery.rules.DeliveryFilter;
import dev.rollcall.delivery.rules.DeliveryRows;
import dev.rollcall.store.generated.enums.DeliveryStatus;
import dev.rollcall.store.generated.tables.records.DeliveryRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectLimitPercentStep;
import org.jooq.impl.DSL;

/** Outcomes of delivery attempts over one transaction; each checks the lease is still the caller's. */
final class StoreDeliveryRows implements DeliveryRows {
    private static final int ERROR_CHARS = 500;
    private static final int ANSWER_CHARS = 1024;
    private final DSLContext tx;
    private final DeliveredStatements statements;

    StoreDeliveryRows(DSLContext tx, DeliveredStatements statements) {
        this.tx = tx;
        this.statements = statements;
    }

    @Override
    public boolean delivered(long pk, String owner, AttemptRecord attempt) {
        return finish(pk, owner, attempt, DeliveryStatus.delivered, null);
    }

    @Override
    public Set<Long> deliveredAll(String owner, Map<Long, AttemptRecord> attempts) {
        if (attempts.isEmpty()) {
            return Set.of();
        }
        // one locking read in pk order: the rows still leased to the caller; the rest were reclaimed meanwhile
        var held = tx.select(DELIVERY.PK, DELIVERY.SUBSCRIPTION_PK, DELIVERY.PERSON_ID).from(DELIVERY)
                .where(DELIVERY.PK.in(attempts.keySet())).and(DELIVERY.STATUS.eq(DeliveryStatus.leased))
                .and(DELIVERY.LEASE_OWNER.eq(owner))
                .orderBy(DELIVERY.PK).forUpdate().fetch();
        if (held.isEmpty()) {
            return Set.of();
        }
        Set<Long> pks = new LinkedHashSet<>(held.getValues(DELIVERY.PK));
        List<Object[]> attemptRows = new ArrayList<>(pks.size());
        List<Object[]> deliveredRows = new ArrayList<>(pks.size());
        Instant latest = Instant.MIN;
        for (long pk : pks) {
            AttemptRecord a = attempts.get(pk);
            LocalDateTime at = Clock.toDb(a.at());
            attemptRows.add(new Object[] {pk, at, a.latencyMs(), a.statusCode(), clip(a.error(), ERROR_CHARS),
                    clip(a.answer(), ANSWER_CHARS)});
            deliveredRows.add(new Object[] {at, pk});
            latest = a.at().isAfter(latest) ? a.at() : latest;
        }
        statements.attempt.execute(tx, attemptRows);
        statements.delivered.execute(tx, deliveredRows);
        List<Condition> chains = held.stream().filter(r -> r.value3() != null)
                .map(r -> DELIVERY.SUBSCRIPTION_PK.eq(r.value2()).and(DELIVERY.PERSON_ID.eq(r.value3()))).toList();
        if (!chains.isEmpty()) {
            releaseNextOfEach(chains, latest);
        }
        return pks;
    }

    @Override
    public boolean dead(long pk, String owner, AttemptRecord attempt, String reason) {
        return finish(pk, owner, attempt, DeliveryStatus.dead, reason);
    }

    @Override
    public boolean retry(long pk, String owner, AttemptRecord attempt, Instant nextAttemptAt) {
        Optional<DeliveryRecord> row = leased(pk, owner);
        if (row.isEmpty()) {
            return false;
        }
        record(pk, attempt);
        tx.update(DELIVERY).set(DELIVERY.STATUS, DeliveryStatus.failed).set(DELIVERY.ATTEMPTS, DELIVERY.ATTEMPTS.plus(1))
                .set(DELIVERY.NEXT_ATTEMPT_AT, Clock.toDb(nextAttemptAt)).setNull(DELIVERY.LEASE_OWNER)
                .setNull(DELIVERY.LEASE_UNTIL).set(DELIVERY.LAST_ERROR, clip(attempt.error(), ERROR_CHARS))
                .where(DELIVERY.PK.eq(pk)).execute();
        return true;
    }

    @Override
    public boolean postpone(long pk, String owner, Instant at) {
        return tx.update(DELIVERY).set(DELIVERY.STATUS, DeliveryStatus.pending).set(DELIVERY.NEXT_ATTEMPT_AT, Clock.toDb(at))
                .setNull(DELIVERY.LEASE_OWNER).setNull(DELIVERY.LEASE_UNTIL)
                .where(DELIVERY.PK.eq(pk)).and(DELIVERY.STATUS.eq(DeliveryStatus.leased))
                .and(DELIVERY.LEASE_OWNER.eq(owner)).execute() == 1;
    }

    @Override
    public Optional<ReplayOutcome> replay(String deliveryId, Instant now) {
        Optional<DeliveryRecord> row = tx.selectFrom(DELIVERY).where(DELIVERY.ID.eq(deliveryId)).forUpdate().fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        DeliveryStatus status = row.get().getStatus();
        if (status != DeliveryStatus.delivered && status != DeliveryStatus.dead) {
            return Optional.of(ReplayOutcome.NOT_FINISHED);
        }
        new StoreDeliveryReplays(tx).replay(List.of(row.get()), now);
        return Optional.of(ReplayOutcome.REPLAYED);
    }

    @Override
    public int replayMatching(String subscriptionId, DeliveryFilter filter, Instant now, int max) {
        StoreDeliveryReplays replays = new StoreDeliveryReplays(tx);
        List<DeliveryRecord> rows = replays.matching(subscriptionId, filter, max);
        if (rows.size() > max) {
            return -1;
        }
        replays.replay(rows, now);
        return rows.size();
    }

    private boolean finish(long pk, String owner, AttemptRecord attempt, DeliveryStatus status, String reason) {
        Optional<DeliveryRecord> row = leased(pk, owner);
        if (row.isEmpty()) {
            return false;
        }
        record(pk, attempt);
        tx.update(DELIVERY).set(DELIVERY.STATUS, status).set(DELIVERY.ATTEMPTS, DELIVERY.ATTEMPTS.plus(1))
                .setNull(DELIVERY.NEXT_ATTEMPT_AT).setNull(DELIVERY.LEASE_OWNER).setNull(DELIVERY.LEASE_UNTIL)
                .set(DELIVERY.LAST_ERROR, clip(reason != null ? reason : attempt.error(), ERROR_CHARS))
                .set(DELIVERY.FINISHED_AT, Clock.toDb(attempt.at()))
                .where(DELIVERY.PK.eq(pk)).execute();
        if (row.get().getPersonId() != null) {
            releaseNext(row.get().getSubscriptionPk(), row.get().getPersonId(), attempt.at());
        }
        return true;
    }

    /** The next waiting delivery of the same subscription and person becomes due (walks ix_delivery_chain). */
    private void releaseNext(long subscriptionPk, String personId, Instant now) {
        List<Long> next = nextWaiting(tx, subscriptionPk, personId).fetch(DELIVERY.PK);
        if (!next.isEmpty()) {
            tx.update(DELIVERY).set(DELIVERY.NEXT_ATTEMPT_AT, Clock.toDb(now)).where(DELIVERY.PK.eq(next.get(0))).execute();
        }
    }

    /**
     * The next waiting delivery of each chain becomes due, in two statements: one read of the chains'
     * waiting rows (ranges of ix_delivery_chain), then one update of the lowest sequence of each.
     */
    private void releaseNextOfEach(List<Condition> chains, Instant now) {
        WaitingHeads heads = new WaitingHeads();
        tx.select(DELIVERY.PK, DELIVERY.SUBSCRIPTION_PK, DELIVERY.PERSON_ID, DELIVERY.PERSON_SEQ).from(DELIVERY)
                .where(DSL.or(chains)).and(DELIVERY.STATUS.eq(DeliveryStatus.pending)).and(DELIVERY.NEXT_ATTEMPT_AT.isNull())
                .forEach(r -> heads.offer(r.value2() + "/" + r.value3(), r.value1(), r.value4()));
        heads.release(tx, Clock.toDb(now), Set.of());
    }

    /** The lowest waiting sequence of the chain, read in ix_delivery_chain order (status is an equality there). */
    static SelectLimitPercentStep<Record1<Long>> nextWaiting(DSLContext tx, long subscriptionPk, String personId) {
        return tx.select(DELIVERY.PK).from(DELIVERY)
                .where(DELIVERY.SUBSCRIPTION_PK.eq(subscriptionPk)).and(DELIVERY.PERSON_ID.eq(personId))
                .and(DELIVERY.STATUS.eq(DeliveryStatus.pending)).and(DELIVERY.NEXT_ATTEMPT_AT.isNull())
                .orderBy(DELIVERY.PERSON_SEQ).limit(1);
    }

    private Optional<DeliveryRecord> leased(long pk, String owner) {
        return tx.selectFrom(DELIVERY).where(DELIVERY.PK.eq(pk)).and(DELIVERY.STATUS.eq(DeliveryStatus.leased))
                .and(DELIVERY.LEASE_OWNER.eq(owner)).forUpdate().fetchOptional();
    }

    private void record(long pk, AttemptRecord a) {
        tx.insertInto(ATTEMPT).set(ATTEMPT.DELIVERY_PK, pk).set(ATTEMPT.AT, Clock.toDb(a.at()))
                .set(ATTEMPT.LATENCY_MS, a.latencyMs()).set(ATTEMPT.STATUS_CODE, a.statusCode())
                .set(ATTEMPT.ERROR, clip(a.error(), ERROR_CHARS)).set(ATTEMPT.ANSWER, clip(a.answer(), ANSWER_CHARS))
                .execute();
    }

    private static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
