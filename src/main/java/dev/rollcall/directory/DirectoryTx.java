package dev.rollcall.directory;

import dev.rollcall.lifecycle.LifecycleTx;

/** The ports a directory change uses: identity's and lifecycle's, plus the account and group rows, in one transaction. */
public interface DirectoryTx extends LifecycleTx {

    AccountRows accountRows();

    GroupRows groupRows();
}
