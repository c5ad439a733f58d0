package dev.rollcall.lifecycle;

import dev.rollcall.identity.InMemoryIdentityStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TEST FAKE: the lifecycle's rows in memory, over an {@link InMemoryIdentityStore} (whose persons give
 * the created-at and the last transition). Like the store: a CRM persona row is keyed by contact and
 * CRM account, and saving one with the same key replaces it; the look-up finds rows of the person or
 * of any of the given accounts. Maps hold immutable values, so shallow copies are snapshots.
 */
public final class InMemoryLifecycleRows implements LifecycleRows {
    private final InMemoryIdentityStore identity;
    private Map<Long, Instant> onLeave = new LinkedHashMap<>();
    private Map<Long, ZoneId> zones = new LinkedHashMap<>();
    private Map<String, CrmPersona> crm = new LinkedHashMap<>();

    public InMemoryLifecycleRows(InMemoryIdentityStore identity) {
        this.identity = identity;
    }

    public synchronized Runnable snapshot() {
        Map<Long, Instant> l = new LinkedHashMap<>(onLeave);
        Map<Long, ZoneId> z = new LinkedHashMap<>(zones);
        Map<String, CrmPersona> c = new LinkedHashMap<>(crm);
        return () -> {
            synchronized (this) {
                onLeave = l;
                zones = z;
                crm = c;
            }
        };
    }

    @Override
    public synchronized PersonLifecycleRow person(long personPk) {
        var last = identity.lifecycleByPk(personPk);
        Instant created = identity.createdAt(personPk);
        return new PersonLifecycleRow(created, last.map(x -> x.reason()).orElse(null),
                last.map(x -> x.since()).orElse(created), onLeave.get(personPk));
    }

    @Override
    public synchronized void setOnLeave(long personPk, Instant since) {
        if (since == null) {
            onLeave.remove(personPk);
        } else {
            onLeave.put(personPk, since);
        }
    }

    @Override
    public synchronized Optional<ZoneId> sourceZone(long sourceId) {
        return Optional.ofNullable(zones.get(sourceId));
    }

    @Override
    public synchronized List<CrmPersona> crmPersonas(long personPk, List<String> accountIds) {
        return crm.values().stream().filter(p -> p.personPk() == personPk || accountIds.contains(p.accountId())).toList();
    }

    @Override
    public synchronized void saveCrmPersona(CrmPersona persona, Instant now) {
        crm.put(persona.accountId() + "|" + persona.crmAccountId(), persona);
    }

    // ---- arranging and reading back ----

    public synchronized void setZone(long sourceId, ZoneId zone) {
        zones.put(sourceId, zone);
    }

    public synchronized Instant onLeaveSince(long personPk) {
        return onLeave.get(personPk);
    }

    public synchronized List<CrmPersona> allCrmPersonas() {
        return new ArrayList<>(crm.values());
    }
}
