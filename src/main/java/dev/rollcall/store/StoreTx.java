package dev.rollcall.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.delivery.RulesJson;
import dev.rollcall.delivery.SnapshotJson;
import dev.rollcall.delivery.rules.DeliveryRows;
import dev.rollcall.delivery.rules.DeliveryTx;
import dev.rollcall.delivery.rules.SigningKeyRows;
import dev.rollcall.delivery.rules.SubscriptionRows;
import dev.rollcall.directory.AccountRows;
import dev.rollcall.directory.DirectoryTx;
import dev.rollcall.directory.GroupRows;
import dev.rollcall.events.AuditLog;
import dev.rollcall.events.EventLog;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.AuthorityRules;
import dev.rollcall.identity.LinkedAccounts;
import dev.rollcall.identity.MatchCases;
import dev.rollcall.identity.MatchIndex;
import dev.rollcall.identity.Persons;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceRegistry;
import dev.rollcall.identity.SourceRegistryTx;
import dev.rollcall.identity.SourceSettings;
import dev.rollcall.lifecycle.LifecycleRows;
import dev.rollcall.lifecycle.HoldRows;
import dev.rollcall.lifecycle.Revocations;
import dev.rollcall.lifecycle.Timers;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Every domain port bound to one jOOQ transaction. Made per transaction; the row classes are cheap. */
public final class StoreTx implements DirectoryTx, SourceRegistryTx, DeliveryTx {
    private final Persons persons;
    private final MatchIndex matching;
    private final LinkedAccounts accounts;
    private final MatchCases cases;
    private final AuthorityRules authority;
    private final SourceSettings sources;
    private final StoreEventLog events;
    private final AuditLog audit;
    private final AccountRows accountRows;
    private final GroupRows groupRows;
    private final SourceRegistry sourceRegistry;
    private final Timers timers;
    private final LifecycleRows lifecycleRows;
    private final Revocations revocations;
    private final HoldRows holds;
    private final SubscriptionRows subscriptions;
    private final DeliveryRows deliveries;
    private final SigningKeyRows signingKeys;

    StoreTx(DSLContext tx, StoreParts parts) {
        TxReads reads = new TxReads();
        this.persons = new PersonRows(tx, parts.persons(), reads);
        this.matching = new MatchRows(tx, parts.persons(), reads);
        this.accounts = new AccountFactRows(tx, parts.facts(), reads);
        this.cases = new StoreMatchCases(tx, parts.cases());
        this.authority = new AuthorityRules() {
            @Override
            public Optional<AuthorityMatrix> stored() {
                return parts.authority().load(tx);
            }

            @Override
            public void save(AuthorityMatrix matrix, String actor, Instant at) {
                parts.authority().save(tx, matrix, actor, at);
            }
        };
        this.sources = sourceId -> parts.sources().byId(tx, sourceId);
        this.events = new StoreEventLog(tx, parts.eventJson(), parts.events(), parts.outbox(), reads);
        this.audit = new StoreAuditLog(tx, parts.audit(), parts.eventJson());
        this.accountRows = new StoreAccountRows(tx, parts.accounts(), reads);
        this.groupRows = new StoreGroupRows(tx, parts.groups(), parts.memberships());
        this.sourceRegistry = new StoreSourceRegistry(tx, parts.sources(), parts.credentials());
        this.timers = new StoreTimers(tx, reads);
        this.lifecycleRows = new StoreLifecycleRows(tx, reads);
        this.revocations = new StoreRevocations(tx);
        this.holds = new StoreHoldRows(tx, parts.holds());
        this.subscriptions = new SubscriptionStore(tx, parts.rules());
        this.deliveries = new StoreDeliveryRows(tx, parts.delivered());
        this.signingKeys = new SigningKeyStore(tx);
    }

    /** Work that must see the change complete: the outbox rows and snapshots of its events. */
    void beforeCommit() {
        events.beforeCommit();
    }

    @Override
    public Persons persons() {
        return persons;
    }

    @Override
    public MatchIndex matching() {
        return matching;
    }

    @Override
    public LinkedAccounts accounts() {
        return accounts;
    }

    @Override
    public MatchCases cases() {
        return cases;
    }

    @Override
    public AuthorityRules authority() {
        return authority;
    }

    @Override
    public SourceSettings sources() {
        return sources;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public AccountRows accountRows() {
        return accountRows;
    }

    @Override
    public GroupRows groupRows() {
        return groupRows;
    }

    @Override
    public Timers timers() {
        return timers;
    }

    @Override
    public LifecycleRows lifecycleRows() {
        return lifecycleRows;
    }

    @Override
    public Revocations revocations() {
        return revocations;
    }

    @Override
    public HoldRows holds() {
        return holds;
    }

    @Override
    public SourceRegistry sourceRegistry() {
        return sourceRegistry;
    }

    @Override
    public SubscriptionRows subscriptions() {
        return subscriptions;
    }

    @Override
    public DeliveryRows deliveries() {
        return deliveries;
    }

    @Override
    public SigningKeyRows signingKeys() {
        return signingKeys;
    }

    /** The stateless row mappers every transaction shares. */
    record StoreParts(PersonStore persons, FactsJson facts, CaseRows cases, AuthorityRows authority, SourceStore sources,
                      EventJson eventJson, AuditStore audit, AccountStore accounts, GroupStore groups,
                      MembershipQueries memberships, CredentialStore credentials, StoreOutbox outbox, HoldJson holds,
                      RulesJson rules, DeliveredStatements delivered, EventStatements events) {

        static StoreParts create(ObjectMapper json, MembershipQueries memberships) {
            return new StoreParts(new PersonStore(json), new FactsJson(json), new CaseRows(json), new AuthorityRows(json),
                    new SourceStore(), new EventJson(json), new AuditStore(), new AccountStore(), new GroupStore(),
                    memberships, new CredentialStore(), new StoreOutbox(new PersonStore(json), new FactsJson(json), new GroupStore(),
                    new SnapshotJson(json), new RulesJson(json)), new HoldJson(json), new RulesJson(json),
                    new DeliveredStatements(), new EventStatements());
        }
    }
}
