package dev.rollcall.directory;

import dev.rollcall.events.AuditLog;
import dev.rollcall.events.EventLog;
import dev.rollcall.identity.AuthorityRules;
import dev.rollcall.identity.IdentityTx;
import dev.rollcall.identity.InMemoryIdentityStore;
import dev.rollcall.identity.InMemoryTransactor;
import dev.rollcall.identity.LinkedAccounts;
import dev.rollcall.identity.MatchCases;
import dev.rollcall.identity.MatchIndex;
import dev.rollcall.identity.Persons;
import dev.rollcall.identity.SourceSettings;
import dev.rollcall.lifecycle.HoldRows;
import dev.rollcall.lifecycle.InMemoryHoldRows;
import dev.rollcall.lifecycle.InMemoryLifecycleRows;
import dev.rollcall.lifecycle.InMemoryRevocations;
import dev.rollcall.lifecycle.InMemoryTimers;
import dev.rollcall.lifecycle.LifecycleRows;
import dev.rollcall.lifecycle.Revocations;
import dev.rollcall.lifecycle.Timers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST FAKE: the directory's account and group rows in memory, over an {@link InMemoryIdentityStore}
 * (whose account table they share), the lifecycle timers, and a transactor that rolls back all of them
 * on an exception.
 *
 * <p>Like the database: userName (case-insensitive) and externalId are unique per source and a taken
 * one comes back as {@code RowWrite.Duplicate}; deleting an account or a group removes its
 * memberships (ON DELETE CASCADE); adding a member twice fails (unique key). Simplified: no filter
 * index rows (content values are ignored), a user's member display is its facts' displayName, else
 * its userName; group pks are counted apart from account pks, as in separate tables.
 */
public final class InMemoryDirectoryStore {

    /** Group rows and their members, immutable values only, so a shallow copy is a snapshot. */
    static final class GroupTables {
        Map<Long, Group> groups = new LinkedHashMap<>();
        Map<Long, List<Member>> members = new LinkedHashMap<>();

        GroupTables copy() {
            GroupTables c = new GroupTables();
            c.groups = new LinkedHashMap<>(groups);
            c.members = new LinkedHashMap<>(members);
            return c;
        }
    }

    /** The directory ports: identity's and the timers, plus the account and group rows. */
    record Ports(IdentityTx identity, Timers timers, LifecycleRows lifecycleRows, Revocations revocations, HoldRows holds,
                 AccountRows accountRows,
                 GroupRows groupRows) implements DirectoryTx {
        public Persons persons() {
            return identity.persons();
        }

        public MatchIndex matching() {
            return identity.matching();
        }

        public LinkedAccounts accounts() {
            return identity.accounts();
        }

        public MatchCases cases() {
            return identity.cases();
        }

        public AuthorityRules authority() {
            return identity.authority();
        }

        public SourceSettings sources() {
            return identity.sources();
        }

        public EventLog events() {
            return identity.events();
        }

        public AuditLog audit() {
            return identity.audit();
        }
    }

    private final InMemoryIdentityStore identity;
    private final InMemoryTimers timers = new InMemoryTimers();
    private final InMemoryLifecycleRows lifecycleRows;
    private final InMemoryRevocations revocations = new InMemoryRevocations();
    private final InMemoryHoldRows holds = new InMemoryHoldRows();
    private final AtomicLong groupPks = new AtomicLong();
    private GroupTables tables = new GroupTables();
    private final InMemoryTransactor<DirectoryTx> transactor;

    public InMemoryDirectoryStore(InMemoryIdentityStore identity) {
        this.identity = identity;
        this.lifecycleRows = new InMemoryLifecycleRows(identity);
        Ports ports = new Ports(identity.ports(), timers, lifecycleRows, revocations, holds, new InMemoryAccountRows(this),
                new InMemoryGroupRows(this));
        this.transactor = new InMemoryTransactor<>(() -> ports, List.of(identity::snapshot, timers::snapshot,
                lifecycleRows::snapshot, revocations::snapshot, holds::snapshot, this::snapshot));
    }

    public InMemoryIdentityStore identity() {
        return identity;
    }

    public InMemoryHoldRows holds() {
        return holds;
    }

    public InMemoryTimers timers() {
        return timers;
    }

    public InMemoryLifecycleRows lifecycleRows() {
        return lifecycleRows;
    }

    public InMemoryTransactor<DirectoryTx> transactor() {
        return transactor;
    }

    GroupTables tables() {
        return tables;
    }

    long nextGroupPk() {
        return groupPks.incrementAndGet();
    }

    private Runnable snapshot() {
        GroupTables saved = tables.copy();
        return () -> tables = saved;
    }

    /** Removes a member from every group that has it (its row was deleted). */
    void dropMemberships(Member.Kind kind, long pk) {
        tables.members.replaceAll((g, ms) -> List.copyOf(ms.stream()
                .filter(m -> !(m.kind() == kind && m.pk() == pk)).toList()));
    }

    // ---- reading back ----

    public Optional<Group> group(String id) {
        return tables.groups.values().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public List<Group> groups() {
        return new ArrayList<>(tables.groups.values());
    }

    /** The ids of a group's members, in the order they were added. */
    public List<String> memberIds(String groupId) {
        long pk = group(groupId).orElseThrow().pk();
        return tables.members.getOrDefault(pk, List.of()).stream().map(Member::id).toList();
    }
}
