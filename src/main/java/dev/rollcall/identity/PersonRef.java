package dev.rollcall.identity;

/** A person as the linking code knows it: storage key and public id. */
public record PersonRef(long pk, String id) {
}
