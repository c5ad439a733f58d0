package dev.rollcall.identity;

/** One lookup key of an account in the cross-source match index. */
public record MatchKey(String kind, String value) {
    /** A normalised email address of the account. */
    public static final String EMAIL = "email";
    /** An address derived from the account's name at one of its email domains (jdoe@, janed@...). */
    public static final String ALIAS = "alias";
    /** The folded "given family" name. */
    public static final String NAME = "name";
    /** The folded userName (used when a source declares userName its correlation attribute). */
    public static final String USERNAME = "username";
}
