package dev.rollcall.directory;

/** A member id a request names, with its type ({@code User} or {@code Group}) when the request gave one. */
public record RequestedMember(String value, String type) {
}
