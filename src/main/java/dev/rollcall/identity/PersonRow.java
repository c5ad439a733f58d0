package dev.rollcall.identity;

/** A person locked by the current transaction. */
public record PersonRow(long pk, String id, String state, boolean provisional, Long mergedIntoPk, GoldenRecord golden,
                        long eventSeq) {

    public PersonRef ref() {
        return new PersonRef(pk, id);
    }
}
