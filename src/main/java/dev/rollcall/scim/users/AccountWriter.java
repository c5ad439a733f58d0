package dev.rollcall.scim.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.AttributeChange;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.LinkDecision;
import dev.rollcall.identity.PersonLinker;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.Provenance;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.filter.ValueIndexer;
import dev.rollcall.scim.schema.ResourceTypeDef;
import dev.rollcall.store.AccountStore;
import dev.rollcall.store.AuditStore;
import dev.rollcall.store.Duplicates;
import dev.rollcall.store.EventStore;
import dev.rollcall.store.LockedPerson;
import dev.rollcall.store.PersonStore;
import dev.rollcall.store.StoredAccount;
import dev.rollcall.store.ValueRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Writes one account change inside the caller's transaction: the account row and its value index,
 * the linked person's golden record, the events (with the person's sequence numbers) and the audit
 * record. Nothing here commits; a failure anywhere rolls all of it back.
 */
public final class AccountWriter {
    private final ResourceTypeDef type;
    private final AccountStore accounts;
    private final PersonStore persons;
    private final PersonLinker linker;
    private final EventStore events;
    private final AuditStore audit;
    private final UserFactsExtractor facts;
    private final ObjectMapper json;
    private final Clock clock;

    public AccountWriter(ResourceTypeDef type, AccountStore accounts, PersonStore persons, PersonLinker linker,
                         EventStore events, AuditStore audit, UserFactsExtractor facts, ObjectMapper json, Clock clock) {
        this.type = type;
        this.accounts = accounts;
        this.persons = persons;
        this.linker = linker;
        this.events = events;
        this.audit = audit;
        this.facts = facts;
        this.json = json;
        this.clock = clock;
    }

    public StoredAccount create(DSLContext tx, Source source, Caller caller, String id, ObjectNode canonical) {
        Instant now = now();
        AccountFacts f = facts.extract(canonical);
        Provenance provenance = new Provenance(source.id(), id, now);
        LinkDecision decision = linker.link(source.id(), f, persons.directory(tx));
        PersonRef person;
        long seq;
        List<AttributeChange> changes;
        List<EventStore.NewEvent> newEvents = new ArrayList<>();
        if (decision instanceof LinkDecision.Existing existing) {
            LockedPerson locked = persons.lock(tx, existing.person().pk());
            changes = locked.golden().apply(f, provenance);
            seq = locked.eventSeq() + 1;
            persons.save(tx, locked.pk(), locked.golden(), seq, now);
            person = existing.person();
        } else {
            GoldenRecord golden = new GoldenRecord(Map.of());
            changes = golden.apply(f, provenance);
            seq = 2;
            person = persons.insert(tx, now, golden, seq);
            newEvents.add(new EventStore.NewEvent("person.created", person.id(), 1L, null, source.id(),
                    payload(person.id(), source, id, changes, decision).toString()));
        }
        AccountStore.AccountWrite write = write(canonical, f);
        long pk = insertUnique(tx, source, id, person.pk(), now, write);
        accounts.replaceValues(tx, pk, source.id(), index(canonical), false);
        newEvents.add(new EventStore.NewEvent("account.created", person.id(), seq, null, source.id(),
                payload(person.id(), source, id, changes, decision).toString()));
        events.append(tx, now, newEvents);
        audit.append(tx, now, new AuditStore.Entry(caller.auditName(), "scim.user.create", "account", id,
                null, canonical.toString(), null));
        return new StoredAccount(pk, id, source.id(), write.externalId(), write.userName(), write.workerId(),
                write.active(), write.resourceJson(), 1, person.pk(), person.id(), now, now);
    }

    public StoredAccount replace(DSLContext tx, Source source, Caller caller, StoredAccount current, ObjectNode canonical,
                                 String action) {
        Instant now = now();
        AccountFacts f = facts.extract(canonical);
        LockedPerson person = persons.lock(tx, current.personPk());
        List<AttributeChange> changes = person.golden().apply(f, new Provenance(source.id(), current.id(), now));
        long seq = person.eventSeq() + 1;
        persons.save(tx, person.pk(), person.golden(), seq, now);
        AccountStore.AccountWrite write = write(canonical, f);
        try {
            accounts.replace(tx, current.pk(), current.version() + 1, now, write);
        } catch (DataAccessException e) {
            throw duplicateOr(e, write);
        }
        accounts.replaceValues(tx, current.pk(), source.id(), index(canonical), true);
        events.append(tx, now, List.of(new EventStore.NewEvent("account.updated", person.id(), seq, null, source.id(),
                payload(person.id(), source, current.id(), changes, null).toString())));
        audit.append(tx, now, new AuditStore.Entry(caller.auditName(), action, "account", current.id(),
                current.resourceJson(), canonical.toString(), null));
        return new StoredAccount(current.pk(), current.id(), source.id(), write.externalId(), write.userName(),
                write.workerId(), write.active(), write.resourceJson(), current.version() + 1, person.pk(), person.id(),
                current.createdAt(), now);
    }

    public void delete(DSLContext tx, Source source, Caller caller, StoredAccount current) {
        Instant now = now();
        LockedPerson person = persons.lock(tx, current.personPk());
        List<AttributeChange> changes = person.golden().removeAccount(current.id());
        long seq = person.eventSeq() + 1;
        persons.save(tx, person.pk(), person.golden(), seq, now);
        accounts.delete(tx, current.pk());
        events.append(tx, now, List.of(new EventStore.NewEvent("account.deleted", person.id(), seq, null, source.id(),
                payload(person.id(), source, current.id(), changes, null).toString())));
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

    private ObjectNode payload(String personId, Source source, String accountId, List<AttributeChange> changes,
                               LinkDecision decision) {
        ObjectNode p = json.createObjectNode();
        p.put("personId", personId);
        p.put("accountId", accountId);
        p.put("source", source.name());
        if (decision != null) {
            p.put("link", decision instanceof LinkDecision.Existing ? "existing" : "new");
            p.put("linkReason", decision instanceof LinkDecision.Existing e ? e.reason() : ((LinkDecision.NewPerson) decision).reason());
        }
        ArrayNode changed = p.putArray("changes");
        for (AttributeChange c : changes) {
            changed.addObject().put("attribute", c.attribute()).put("old", c.oldValue()).put("new", c.newValue());
        }
        return p;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
