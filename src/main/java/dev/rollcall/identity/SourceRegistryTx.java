package dev.rollcall.identity;

import dev.rollcall.events.AuditLog;

/** The ports a change to sources and tokens uses, bound to one transaction: the rows and the audit log. */
public interface SourceRegistryTx {

    SourceRegistry sourceRegistry();

    AuditLog audit();
}
