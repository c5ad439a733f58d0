package dev.rollcall.identity;

import java.time.Instant;
import java.util.Optional;

/** Person rows, in the current transaction. */
public interface Persons {

    /** A new person: provisional (no lifecycle state, never announced) or active. */
    PersonRef insert(Instant at, boolean provisional);

    /** Removes a person that was created in this transaction and never used (lost a race for a worker id). */
    void delete(long pk);

    /** Locks a person row for the rest of the transaction. */
    PersonRow lock(long pk);

    Optional<PersonRef> byId(String id);

    void save(long pk, GoldenRecord golden, long eventSeq, Instant at);

    /** A provisional person becomes a real, active one. */
    void promote(long pk, Instant at);

    /**
     * A lifecycle transition of a locked person: its new state, why, since when, and until when its
     * grace runs (null when no grace is running).
     */
    void changeState(long pk, LifecycleState state, String reason, Instant since, Instant graceUntil);

    /** IT moved or cancelled the grace deadline of a suspended person (null: none); its state and since stay. */
    void changeGrace(long pk, Instant graceUntil);

    /** The person was merged into the survivor: it keeps its row (events name it) and holds no accounts. */
    void markMerged(long pk, long survivorPk, Instant at);
}
