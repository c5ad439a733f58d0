package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.DELIVERY;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SelectForUpdateStep;

/**
 * Which subscriptions still owe a person an earlier delivery, asked once per person and change for all
 * the subscriptions its events go to. The open rows found are locked, so a dispatcher finishing one
 * concurrently waits for this transaction and then releases the rows written here (or this
 * transaction sees it finished and writes them due). A person inserted by this transaction has no
 * deliveries anywhere yet.
 */
final class OpenChains {
    private final DSLContext tx;
    private final TxReads reads;
    private final Map<String, Set<Long>> written = new HashMap<>();

    OpenChains(DSLContext tx, TxReads reads) {
        this.tx = tx;
        this.reads = reads;
    }

    /**
     * The subscriptions among {@code subscribers} whose chain for the person is open, as the caller is
     * about to write one delivery to each: from then on every one of them is open (its first row is
     * one this change wrote).
     */
    Set<Long> of(String personId, List<Long> subscribers) {
        Set<Long> seen = written.computeIfAbsent(personId, id -> new HashSet<>());
        Set<Long> open = new HashSet<>(subscribers);
        open.retainAll(seen);
        Set<Long> unknown = new HashSet<>(subscribers);
        unknown.removeAll(seen);
        if (!unknown.isEmpty() && !reads.insertedHere(personId)) {
            open.addAll(openRows(tx, unknown, personId).forUpdate().fetchSet(DELIVERY.SUBSCRIPTION_PK));
        }
        seen.addAll(subscribers);
        return open;
    }

    /** The open deliveries of these chains, locked; ranges of ix_delivery_chain (subscription_pk, person_id, status, …). */
    static SelectForUpdateStep<Record1<Long>> openRows(DSLContext tx, Collection<Long> subscriptions, String personId) {
        return tx.selectDistinct(DELIVERY.SUBSCRIPTION_PK).from(DELIVERY)
                .where(DELIVERY.SUBSCRIPTION_PK.in(subscriptions)).and(DELIVERY.PERSON_ID.eq(personId))
                .and(DELIVERY.STATUS.in(StoreOutbox.OPEN));
    }
}
