package dev.rollcall.lifecycle;

import dev.rollcall.identity.IdentityTx;

/**
 * The ports lifecycle work uses: identity's, plus the person's timers and lifecycle rows, revocations
 * and the holds, all in one transaction.
 */
public interface LifecycleTx extends IdentityTx {

    Timers timers();

    LifecycleRows lifecycleRows();

    /** Suspensions IT made (revoke), which a source push saying "employed" does not undo. */
    Revocations revocations();

    /** Holds of the blast-radius breaker: their rows, items and the per-source sliding windows. */
    HoldRows holds();
}
