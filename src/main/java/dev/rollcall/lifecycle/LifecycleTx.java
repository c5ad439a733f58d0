package dev.rollcall.lifecycle;

import dev.rollcall.identity.IdentityTx;

/** The ports lifecycle work uses: identity's, plus the person's timers and lifecycle rows, all in one transaction. */
public interface LifecycleTx extends IdentityTx {

    Timers timers();

    LifecycleRows lifecycleRows();
}
