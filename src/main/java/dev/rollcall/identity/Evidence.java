package dev.rollcall.identity;

/** One rule that fired in a match: its name, the points it gave (0 for strong keys) and what it saw. */
public record Evidence(String rule, int points, String detail) {
}
