package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.identity.AccountFacts;
import java.util.List;
import java.util.Set;

/**
 * A push whose person-level step waits in a hold: which account, what it did (a replace carries the
 * account's new facts, a delete none), who pushed it, what the breaker classified it as, and what it
 * would change (attribute, old, new), for IT to review.
 */
public record HeldPush(Action action, long accountPk, String accountId, long personPk, Set<ChangeKind> kinds,
                       Actor actor, AccountFacts facts, List<Change> changes) {

    public enum Action { REPLACE, DELETE }

    /** One attribute the push changes; values may be null (absent). */
    public record Change(String attribute, String from, String to) {
    }

    public HeldPush {
        kinds = Set.copyOf(kinds);
        changes = List.copyOf(changes);
    }
}
