package dev.rollcall.store;

import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.PersonRow;
import dev.rollcall.lifecycle.LifecycleRows.PersonLifecycleRow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What one transaction already knows of the rows it changes, so that a change reads each of them once:
 * a push runs resolution, the golden record, the lifecycle and the outbox over the same person, and
 * each step used to read it (and its accounts) again. Only this transaction's own writes go through
 * the row classes that keep it, and a locked row cannot change under it, so what it holds is what the
 * database would answer. Made per transaction (a retried transaction starts empty).
 * <ul>
 *   <li>persons locked {@code FOR UPDATE} (or inserted) here, kept up to date by {@link PersonRows}' writes;</li>
 *   <li>the accounts linked to a person, dropped whenever an account or its link is rewritten or deleted (an
 *   inserted account joins its person's list, saved facts replace the ones held);</li>
 *   <li>worker-id links this transaction read or made;</li>
 *   <li>persons inserted here: nobody else can have rows about them yet (no timers but this transaction's,
 *   no deliveries).</li>
 * </ul>
 */
final class TxReads {
    private final Map<Long, PersonRow> locked = new HashMap<>();
    private final Map<Long, PersonLifecycleRow> lifecycle = new HashMap<>();
    private final Map<Long, List<LinkedAccount>> linked = new HashMap<>();
    private final Map<String, PersonRef> workers = new HashMap<>();
    private final Set<Long> inserted = new HashSet<>();
    private final Set<Long> timersWritten = new HashSet<>();

    Optional<PersonRow> locked(long pk) {
        return Optional.ofNullable(locked.get(pk));
    }

    /** The locked row of the person with this id, when this transaction holds it. */
    Optional<PersonRow> lockedById(String id) {
        return locked.values().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    void keepLocked(PersonRow row, PersonLifecycleRow lifecycleColumns) {
        locked.put(row.pk(), row);
        lifecycle.put(row.pk(), lifecycleColumns);
    }

    /** Applies this transaction's own write to the locked row, if it holds one. */
    void updateLocked(long pk, UnaryOperator<PersonRow> change) {
        locked.computeIfPresent(pk, (k, row) -> change.apply(row));
    }

    /** The lifecycle's columns of a person this transaction locked. */
    Optional<PersonLifecycleRow> lifecycle(long pk) {
        return Optional.ofNullable(lifecycle.get(pk));
    }

    void updateLifecycle(long pk, UnaryOperator<PersonLifecycleRow> change) {
        lifecycle.computeIfPresent(pk, (k, row) -> change.apply(row));
    }

    void forgetPerson(long pk) {
        locked.remove(pk);
        lifecycle.remove(pk);
        linked.remove(pk);
        inserted.remove(pk);
    }

    /** A person this transaction inserted: nobody else knows it yet, so it has no accounts but the ones inserted here. */
    void personInserted(long pk) {
        inserted.add(pk);
        linked.put(pk, List.of());
    }

    /** Whether the person was inserted by this (uncommitted) transaction, so no other one knows it. */
    boolean insertedHere(long pk) {
        return inserted.contains(pk);
    }

    boolean insertedHere(String personId) {
        return lockedById(personId).map(r -> inserted.contains(r.pk())).orElse(false);
    }

    /** A person inserted here, whose timers this transaction has not written: it has none. */
    boolean hasNoTimers(long personPk) {
        return inserted.contains(personPk) && !timersWritten.contains(personPk);
    }

    void timersWritten(long personPk) {
        timersWritten.add(personPk);
    }

    Optional<List<LinkedAccount>> linked(long personPk) {
        return Optional.ofNullable(linked.get(personPk));
    }

    /** Keeps (a copy of) the accounts read, and returns it. */
    List<LinkedAccount> keepLinked(long personPk, List<LinkedAccount> accounts) {
        List<LinkedAccount> kept = List.copyOf(accounts);
        linked.put(personPk, kept);
        return kept;
    }

    /** An account's facts were saved: the lists that hold it now show them. */
    void factsSaved(long accountPk, AccountFacts facts) {
        linked.replaceAll((person, accounts) -> accounts.stream()
                .map(a -> a.pk() != accountPk ? a : new LinkedAccount(a.pk(), a.id(), a.userName(), a.externalId(),
                        a.source(), a.active(), a.createdAt(), a.updatedAt(), facts))
                .toList());
    }

    /** An account was inserted for a person: its list, when known, gains it; no other list holds it. */
    void accountInserted(long personPk, LinkedAccount account) {
        linked.computeIfPresent(personPk, (pk, accounts) -> {
            List<LinkedAccount> more = new java.util.ArrayList<>(accounts);
            more.add(account);
            return List.copyOf(more);
        });
    }

    /** An account row or its person link was written: every list may be stale. */
    void accountsChanged() {
        linked.clear();
    }

    Optional<PersonRef> workerOwner(String workerId) {
        return Optional.ofNullable(workers.get(workerId));
    }

    void keepWorker(String workerId, PersonRef owner) {
        workers.put(workerId, owner);
    }

    /** The links of a person moved, or a claim lost a race: ask the database again. */
    void forgetWorkers() {
        workers.clear();
    }
}
