package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.BURST_CHANGE;
import static dev.rollcall.store.generated.Tables.HOLD;
import static dev.rollcall.store.generated.Tables.HOLD_GATE;
import static dev.rollcall.store.generated.Tables.HOLD_ITEM;
import static dev.rollcall.store.generated.Tables.PERSON;

import dev.rollcall.lifecycle.ChangeKind;
import dev.rollcall.lifecycle.HeldItem;
import dev.rollcall.lifecycle.HeldPush;
import dev.rollcall.lifecycle.Hold;
import dev.rollcall.lifecycle.HoldRows;
import dev.rollcall.lifecycle.HoldStatus;
import dev.rollcall.store.generated.enums.BurstChangeKind;
import dev.rollcall.store.generated.enums.HoldItemStatus;
import dev.rollcall.store.generated.enums.PersonState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Hold, hold item, gate and window rows in one transaction. */
final class StoreHoldRows implements HoldRows {
    private static final List<dev.rollcall.store.generated.enums.HoldStatus> COLLECTING = List.of(
            dev.rollcall.store.generated.enums.HoldStatus.open, dev.rollcall.store.generated.enums.HoldStatus.applying);

    private final DSLContext tx;
    private final HoldJson json;

    StoreHoldRows(DSLContext tx, HoldJson json) {
        this.tx = tx;
        this.json = json;
    }

    @Override
    public void lockGate(long sourceId) {
        tx.insertInto(HOLD_GATE).set(HOLD_GATE.SOURCE_ID, sourceId).onDuplicateKeyIgnore().execute();
        tx.selectFrom(HOLD_GATE).where(HOLD_GATE.SOURCE_ID.eq(sourceId)).forUpdate().fetchSingle();
    }

    @Override
    public Optional<Hold> collecting(long sourceId) {
        return tx.selectFrom(HOLD).where(HOLD.SOURCE_ID.eq(sourceId)).and(HOLD.STATUS.in(COLLECTING))
                .orderBy(HOLD.PK).limit(1).fetchOptional(HoldJson::toHold);
    }

    @Override
    public Hold open(long sourceId, ChangeKind trigger, String detail, Instant now) {
        String id = UUID.randomUUID().toString();
        tx.insertInto(HOLD)
                .set(HOLD.ID, id)
                .set(HOLD.SOURCE_ID, sourceId)
                .set(HOLD.STATUS, dev.rollcall.store.generated.enums.HoldStatus.open)
                .set(HOLD.TRIGGER_KIND, HoldJson.toDb(trigger))
                .set(HOLD.TRIGGER_DETAIL, detail.length() > 400 ? detail.substring(0, 400) : detail)
                .set(HOLD.OPENED_AT, Clock.toDb(now))
                .execute();
        return tx.selectFrom(HOLD).where(HOLD.ID.eq(id)).fetchSingle(HoldJson::toHold);
    }

    @Override
    public void add(long holdPk, HeldPush push, Instant now) {
        tx.insertInto(HOLD_ITEM)
                .set(HOLD_ITEM.HOLD_PK, holdPk)
                .set(HOLD_ITEM.ACTION, HoldJson.toDb(push.action()))
                .set(HOLD_ITEM.ACCOUNT_PK, push.accountPk())
                .set(HOLD_ITEM.ACCOUNT_ID, push.accountId())
                .set(HOLD_ITEM.PERSON_PK, push.personPk())
                .set(HOLD_ITEM.KINDS, HoldJson.kinds(push.kinds()))
                .set(HOLD_ITEM.ACTOR, push.actor().name())
                .set(HOLD_ITEM.CORRELATION_ID, push.actor().correlationId())
                .set(HOLD_ITEM.FACTS, json.facts(push.facts()))
                .set(HOLD_ITEM.CHANGES, json.changes(push.changes()))
                .set(HOLD_ITEM.RECEIVED_AT, Clock.toDb(now))
                .set(HOLD_ITEM.STATUS, HoldItemStatus.pending)
                .execute();
    }

    @Override
    public boolean hasPending(long accountPk) {
        return tx.fetchExists(HOLD_ITEM, HOLD_ITEM.ACCOUNT_PK.eq(accountPk).and(HOLD_ITEM.STATUS.eq(HoldItemStatus.pending)));
    }

    @Override
    public void count(long sourceId, ChangeKind kind, Instant at) {
        tx.insertInto(BURST_CHANGE)
                .set(BURST_CHANGE.SOURCE_ID, sourceId)
                .set(BURST_CHANGE.KIND, BurstChangeKind.valueOf(kind.wireName()))
                .set(BURST_CHANGE.AT, Clock.toDb(at))
                .execute();
    }

    @Override
    public int countSince(long sourceId, ChangeKind kind, Instant since) {
        BurstChangeKind k = BurstChangeKind.valueOf(kind.wireName());
        // counts older than the window never count again; forgetting them keeps the table small
        tx.deleteFrom(BURST_CHANGE).where(BURST_CHANGE.SOURCE_ID.eq(sourceId)).and(BURST_CHANGE.KIND.eq(k))
                .and(BURST_CHANGE.AT.lt(Clock.toDb(since.minus(java.time.Duration.ofDays(1))))).execute();
        return tx.fetchCount(BURST_CHANGE, BURST_CHANGE.SOURCE_ID.eq(sourceId).and(BURST_CHANGE.KIND.eq(k))
                .and(BURST_CHANGE.AT.gt(Clock.toDb(since))));
    }

    @Override
    public int activePersons(long sourceId) {
        return tx.select(org.jooq.impl.DSL.countDistinct(ACCOUNT.PERSON_PK)).from(ACCOUNT).join(PERSON)
                .on(PERSON.PK.eq(ACCOUNT.PERSON_PK))
                .where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(PERSON.STATE.eq(PersonState.active))
                .fetchSingle().value1();
    }

    @Override
    public Optional<Hold> byId(String holdId) {
        return tx.selectFrom(HOLD).where(HOLD.ID.eq(holdId)).fetchOptional(HoldJson::toHold);
    }

    @Override
    public Optional<Hold> lock(String holdId) {
        return tx.selectFrom(HOLD).where(HOLD.ID.eq(holdId)).forUpdate().fetchOptional(HoldJson::toHold);
    }

    @Override
    public List<HeldItem> pending(long holdPk, int limit) {
        return tx.selectFrom(HOLD_ITEM).where(HOLD_ITEM.HOLD_PK.eq(holdPk)).and(HOLD_ITEM.STATUS.eq(HoldItemStatus.pending))
                .orderBy(HOLD_ITEM.PK).limit(limit).fetch(json::toItem);
    }

    @Override
    public Optional<HeldItem> lockPending(long itemPk) {
        return tx.selectFrom(HOLD_ITEM).where(HOLD_ITEM.PK.eq(itemPk)).and(HOLD_ITEM.STATUS.eq(HoldItemStatus.pending))
                .forUpdate().fetchOptional(json::toItem);
    }

    @Override
    public void finishItem(long itemPk, boolean applied, Instant now) {
        tx.update(HOLD_ITEM).set(HOLD_ITEM.STATUS, applied ? HoldItemStatus.applied : HoldItemStatus.discarded)
                .set(HOLD_ITEM.FINISHED_AT, Clock.toDb(now)).where(HOLD_ITEM.PK.eq(itemPk)).execute();
    }

    @Override
    public int discardPending(long holdPk, Instant now) {
        return tx.update(HOLD_ITEM).set(HOLD_ITEM.STATUS, HoldItemStatus.discarded).set(HOLD_ITEM.FINISHED_AT, Clock.toDb(now))
                .where(HOLD_ITEM.HOLD_PK.eq(holdPk)).and(HOLD_ITEM.STATUS.eq(HoldItemStatus.pending)).execute();
    }

    @Override
    public void setStatus(long holdPk, HoldStatus status, String actor, Instant now) {
        var update = tx.update(HOLD).set(HOLD.STATUS, HoldJson.toDb(status));
        if (status == HoldStatus.APPROVED) {
            update.set(HOLD.FINISHED_AT, Clock.toDb(now)).where(HOLD.PK.eq(holdPk)).execute();
        } else {
            update.set(HOLD.DECIDED_AT, Clock.toDb(now)).set(HOLD.DECIDED_BY, actor)
                    .set(HOLD.FINISHED_AT, status == HoldStatus.REJECTED ? Clock.toDb(now) : null)
                    .where(HOLD.PK.eq(holdPk)).execute();
        }
    }
}
