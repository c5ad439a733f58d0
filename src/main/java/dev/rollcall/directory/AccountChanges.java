package dev.rollcall.directory;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.AccountResolution;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.Source;
import dev.rollcall.kernel.RowWrite;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import dev.rollcall.lifecycle.HeldPush;
import dev.rollcall.lifecycle.HoldGate;
import dev.rollcall.lifecycle.PersonLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The use cases of a source's accounts: create, replace, delete. Each runs in one transaction with
 * everything that follows from it: the account row and its index, identity resolution (matching,
 * the golden record, the person's events, the match decision), what it means for the person's
 * lifecycle (a termination by the authoritative source, a rescind, a rehire) and the audit record.
 * Between the account row and the person-level step sits the hold gate: a replace or delete it holds
 * is stored (SCIM answers normally) but its person-level step waits in the hold ({@link HeldPushes}
 * runs it on approval). A create is never held.
 * SCIM calls these; so will anything else that changes an account.
 */
public final class AccountChanges {
    private final Transactor<? extends DirectoryTx> transactions;
    private final AccountResolution resolution;
    private final PersonLifecycle lifecycle;
    private final HoldGate gate;
    private final Clock clock;

    public AccountChanges(Transactor<? extends DirectoryTx> transactions, AccountResolution resolution,
                          PersonLifecycle lifecycle, HoldGate gate, Clock clock) {
        this.transactions = transactions;
        this.resolution = resolution;
        this.lifecycle = lifecycle;
        this.gate = gate;
        this.clock = clock;
    }

    /** Resolves the new account to a person (matching), then writes it and everything that follows. */
    public Account create(Actor actor, String action, Source source, AccountContent content) {
        String id = UUID.randomUUID().toString();
        return transactions.inTransaction(tx -> {
            Instant now = Timestamps.now(clock);
            AccountResolution.Placement placement = resolution.place(tx, source, content.facts(), now);
            long pk = written(tx.accountRows().insert(source, id, placement.person().pk(), now, content), content);
            resolution.created(tx, source, placement, pk, id, content.facts(), actor.name(), now);
            lifecycle.accountChanged(tx, actor, source, placement.person().pk(), false, now);
            tx.audit().record(now, new AuditRecord(actor, action, "account", id, null,
                    AuditRecord.document(content.document())));
            return new Account(pk, id, source.id(), content.externalId(), content.userName(), content.workerId(),
                    content.active(), content.document(), 1, placement.person().pk(), placement.person().id(), now, now);
        });
    }

    /**
     * Replaces an account with what {@code revision} makes of it. The account stays with its person
     * (an email change never makes a second person) unless it was parked unresolved and now matches
     * someone; the golden record follows.
     */
    public Account replace(Actor actor, String action, Source source, String id, AccountRevision revision) {
        return transactions.inTransaction(tx -> {
            Account current = lock(tx, source, id);
            AccountContent content = revision.revise(current);
            Instant now = Timestamps.now(clock);
            long version = current.version() + 1;
            written(tx.accountRows().replace(current, version, now, content), content);
            HoldGate.Push push = new HoldGate.Push(HeldPush.Action.REPLACE, current.pk(), current.id(),
                    current.personPk(), storedFacts(tx, current), content.facts());
            PersonRef person = new PersonRef(current.personPk(), current.personId());
            if (!gate.holds(tx, actor, source, push, now)) {
                person = resolution.changed(tx, source, current.pk(), current.id(), current.personPk(), push.before(),
                        content.facts(), now);
                lifecycle.accountChanged(tx, actor, source, person.pk(), false, now);
            }
            tx.audit().record(now, new AuditRecord(actor, action, "account", current.id(),
                    AuditRecord.document(current.document()), AuditRecord.document(content.document())));
            return new Account(current.pk(), current.id(), source.id(), content.externalId(), content.userName(),
                    content.workerId(), content.active(), content.document(), version, person.pk(), person.id(),
                    current.createdAt(), now);
        });
    }

    /** Deletes an account. Its person stays (its worker id is remembered for a rehire). */
    public void delete(Actor actor, String action, Source source, String id, Precondition<Account> precondition) {
        transactions.inTransaction(tx -> {
            Account current = lock(tx, source, id);
            precondition.check(current);
            Instant now = Timestamps.now(clock);
            HoldGate.Push push = new HoldGate.Push(HeldPush.Action.DELETE, current.pk(), current.id(),
                    current.personPk(), storedFacts(tx, current), null);
            tx.accountRows().delete(current.pk());
            if (!gate.holds(tx, actor, source, push, now)) {
                resolution.deleted(tx, source, current.id(), current.personPk(), now);
                lifecycle.accountChanged(tx, actor, source, current.personPk(), true, now);
            }
            tx.audit().record(now, new AuditRecord(actor, action, "account", current.id(),
                    AuditRecord.document(current.document()), null));
            return null;
        });
    }

    /** The facts the person-level step last saw of the account (a held push has not saved its own yet). */
    private static AccountFacts storedFacts(DirectoryTx tx, Account account) {
        return tx.accounts().linked(account.personPk()).stream().filter(a -> a.pk() == account.pk())
                .map(LinkedAccount::facts).findFirst().orElse(null);
    }

    private static Account lock(DirectoryTx tx, Source source, String id) {
        return tx.accountRows().lock(source.id(), id)
                .orElseThrow(() -> DirectoryException.notFound("User " + id + " not found"));
    }

    private static long written(RowWrite write, AccountContent content) {
        // userName is an account's only unique value; externalId is not unique (RFC 7643 §3.1)
        return write.pkOr(attribute -> DirectoryException.duplicate(attribute, "userName '" + content.userName()
                + "' is already used by another User of this source"));
    }
}
