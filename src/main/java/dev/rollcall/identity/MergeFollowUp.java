package dev.rollcall.identity;

import dev.rollcall.events.Actor;
import java.time.Instant;

/**
 * What another domain does in a merge's transaction once every account moved to the survivor (both
 * persons are locked and saved): the lifecycle re-evaluates the survivor from all its accounts.
 */
@FunctionalInterface
public interface MergeFollowUp {
    MergeFollowUp NONE = (tx, actor, survivorPk, mergedPk, now) -> { };

    void merged(IdentityTx tx, Actor actor, long survivorPk, long mergedPk, Instant now);
}
