package dev.rollcall.scim.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.AccountResolution;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.IdentityTx;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.ValueIndexer;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.store.AccountStore;
import dev.rollcall.store.AuditStore;
import dev.rollcall.store.Duplicates;
import dev.rollcall.store.IdentityStore;
import dev.rollcall.store.StoredAccount;
import dev.rollcall.store.ValueRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Writes one account change inside the caller's transaction: the account row and its value index,
 * identity resolution (matching, the golden record from all linked accounts, the events with the
 * person's sequence numbers, the match decision — see {@link AccountResolution}) and the audit
 * record. Nothing here commits; a failure anywhere rolls all of it back.
 */
public final class AccountWriter {
    private final ResourceTypeDef type;
    private final AccountStore accounts;
    private final IdentityStore identity;
    private final AccountResolution resolution;
    private final AuditStore audit;
    private final UserFactsExtractor facts;
    private final Clock clock;

    public AccountWriter(ResourceTypeDef type, AccountStore accounts, IdentityStore identity, AccountResolution resolution,
                         AuditStore audit, UserFactsExtractor facts, Clock clock) {
        this.type = type;
        this.accounts = accounts;
        this.identity = identity;
        this.resolution = resolution;
        this.audit = audit;
        this.facts = facts;
        this.clock = clock;
    }

    /** Resolves the new account to a person (matching), then writes it and everything that follows from it. */
    public StoredAccount create(DSLContext tx, Source source, Caller caller, String id, ObjectNode canonical) {
        Instant now = now();
        AccountFacts f = facts.extract(canonical);
        IdentityTx itx = identity.bind(tx);
        AccountResolution.Placement placement = resolution.place(itx, source, f, now);
        AccountStore.AccountWrite write = write(canonical, f);
        long pk = insertUnique(tx, source, id, placement.person().pk(), now, write);
        accounts.replaceValues(tx, pk, source.id(), index(canonical), false);
        resolution.created(itx, source, placement, pk, id, f, caller.auditName(), now);
        audit.append(tx, now, new AuditStore.Entry(caller.auditName(), "scim.user.create", "account", id,
                null, canonical.toString(), null));
        return new StoredAccount(pk, id, source.id(), write.externalId(), write.userName(), write.workerId(),
                write.active(), write.resourceJson(), 1, placement.person().pk(), placement.person().id(), now, now);
    }

    /**
     * A changed account stays with its person (an email change never makes a second person) unless it
     * was parked unresolved and now matches someone; the golden record follows.
     */
    public StoredAccount replace(DSLContext tx, Source source, Caller caller, StoredAccount current, ObjectNode canonical,
                                 String action) {
        Instant now = now();
        AccountFacts f = facts.extract(canonical);
        AccountStore.AccountWrite write = write(canonical, f);
        try {
            accounts.replace(tx, current.pk(), current.version() + 1, now, write);
        } catch (DataAccessException e) {
            throw duplicateOr(e, write);
        }
        accounts.replaceValues(tx, current.pk(), source.id(), index(canonical), true);
        PersonRef person = resolution.changed(identity.bind(tx), source, current.pk(), current.id(), current.personPk(), f, now);
        audit.append(tx, now, new AuditStore.Entry(caller.auditName(), action, "account", current.id(),
                current.resourceJson(), canonical.toString(), null));
        return new StoredAccount(current.pk(), current.id(), source.id(), write.externalId(), write.userName(),
                write.workerId(), write.active(), write.resourceJson(), current.version() + 1, person.pk(), person.id(),
                current.createdAt(), now);
    }

    /** The person stays (its worker id is remembered for a rehire); its golden record falls back to other accounts. */
    public void delete(DSLContext tx, Source source, Caller caller, StoredAccount current) {
        Instant now = now();
        accounts.delete(tx, current.pk());
        resolution.deleted(identity.bind(tx), source, current.id(), current.personPk(), now);
        audit.append(tx, now, new AuditStore.Entry(caller.auditName(), "scim.user.delete", "account", current.id(),
                current.resourceJson(), null, null));
    }

    private long insertUnique(DSLContext tx, Source source, String id, long personPk, Instant now,
                              AccountStore.AccountWrite write) {
        try {
            return accounts.insert(tx, source.id(), id, personPk, now, write);
        } catch (DataAccessException e) {
            throw duplicateOr(e, write);
        }
    }

    private static RuntimeException duplicateOr(DataAccessException e, AccountStore.AccountWrite write) {
        if (!Duplicates.isDuplicateKey(e)) {
            return e;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("uq_account_external_id")) {
            return ScimException.uniqueness("externalId '" + write.externalId() + "' is already used by another User of this source");
        }
        return ScimException.uniqueness("userName '" + write.userName() + "' is already used by another User of this source");
    }

    private AccountStore.AccountWrite write(ObjectNode canonical, AccountFacts f) {
        String externalId = canonical.hasNonNull("externalId") ? canonical.get("externalId").asText() : null;
        return new AccountStore.AccountWrite(externalId, canonical.path("userName").asText(), f.workerId(), f.active(),
                canonical.toString());
    }

    private List<ValueRow> index(ObjectNode canonical) {
        return ValueIndexer.index(type, canonical).stream()
                .map(v -> new ValueRow(v.attr(), v.idx(), v.val(), v.num()))
                .toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
