package dev.rollcall.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * Claims due timers for one scheduler, outside any change's transaction: each call is a short
 * transaction of its own that skips rows another scheduler holds and leases what it takes until
 * {@code leaseUntil}, so several instances can run on one database. A lease that runs out (its
 * scheduler died) makes the timer claimable again.
 */
public interface TimerClaims {

    /** Up to {@code limit} pending timers due at {@code now} and not leased, soonest first, leased to {@code owner}. */
    List<Timer> claimDue(Instant now, String owner, Instant leaseUntil, int limit);

    /** Hands back timers {@code owner} claimed but did not fire (it is stopping): claimable again at once. */
    void release(List<Long> timerPks, String owner);
}
