package dev.rollcall.identity;

import dev.rollcall.events.AuditLog;
import dev.rollcall.events.EventLog;

/** The ports identity work uses, each bound to the same database transaction. */
public interface IdentityTx {

    Persons persons();

    MatchIndex matching();

    LinkedAccounts accounts();

    MatchCases cases();

    AuthorityRules authority();

    SourceSettings sources();

    EventLog events();

    AuditLog audit();
}
