package dev.rollcall.identity;

/** A golden attribute value with its provenance. */
public record GoldenValue(String value, Provenance provenance) {
}
