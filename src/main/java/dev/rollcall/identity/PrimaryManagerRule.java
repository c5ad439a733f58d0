package dev.rollcall.identity;

/**
 * Which manager is primary when a person's strongest accounts name different managers and none is
 * flagged {@code primary}: the most recently or the earliest pushed account's.
 */
public enum PrimaryManagerRule {
    NEWEST, OLDEST
}
