package dev.rollcall.directory;

import dev.rollcall.identity.IdentityTx;

/** The ports a directory change uses: identity's, plus the account and group rows, in one transaction. */
public interface DirectoryTx extends IdentityTx {

    AccountRows accountRows();

    GroupRows groupRows();
}
