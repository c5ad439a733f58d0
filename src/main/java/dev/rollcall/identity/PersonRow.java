package dev.rollcall.identity;

/**
 * A person locked by the current transaction. {@code state} is null exactly when the person is
 * provisional (it has no lifecycle before a match decision makes it real).
 */
public record PersonRow(long pk, String id, LifecycleState state, boolean provisional, Long mergedIntoPk,
                        GoldenRecord golden, long eventSeq) {

    public PersonRef ref() {
        return new PersonRef(pk, id);
    }
}
