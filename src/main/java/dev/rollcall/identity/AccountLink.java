package dev.rollcall.identity;

/** Which person an account is linked to. */
public record AccountLink(long accountPk, String accountId, long personPk, Source source) {
}
