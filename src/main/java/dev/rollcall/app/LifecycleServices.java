package dev.rollcall.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.admin.AdminRequests;
import dev.rollcall.admin.HoldsResource;
import dev.rollcall.admin.LifecycleResource;
import dev.rollcall.admin.PoliciesResource;
import dev.rollcall.admin.TimersResource;
import dev.rollcall.directory.HoldDecisions;
import dev.rollcall.directory.HoldResumer;
import dev.rollcall.identity.AccountResolution;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.IdentityAdministration;
import dev.rollcall.identity.SourceDirectory;
import dev.rollcall.lifecycle.HoldGate;
import dev.rollcall.lifecycle.LifecycleActions;
import dev.rollcall.lifecycle.PersonLifecycle;
import dev.rollcall.lifecycle.PolicyPreview;
import dev.rollcall.store.Database;
import dev.rollcall.store.StoreHoldQueries;
import dev.rollcall.store.StorePolicyReads;
import dev.rollcall.store.StoreTimerQueries;
import dev.rollcall.store.StoreTransactor;
import java.time.Clock;
import java.util.List;

/** The lifecycle's admin side: direct actions, the timer list, the hold gate, hold decisions and the policy preview. */
final class LifecycleServices {
    private final Config config;
    private final Database database;
    private final StoreTransactor store;
    private final PersonLifecycle lifecycle;
    private final HoldGate gate;
    private final HoldDecisions decisions;
    private final Clock clock;
    private final ObjectMapper json;

    LifecycleServices(Config config, Database database, StoreTransactor store, CurrentAuthority authority,
                      AccountResolution resolution, PersonLifecycle lifecycle, Clock clock, ObjectMapper json) {
        this.config = config;
        this.database = database;
        this.store = store;
        this.lifecycle = lifecycle;
        this.gate = new HoldGate(authority, config.holds(), config.lifecycle().sourceZone());
        this.decisions = new HoldDecisions(store, resolution, lifecycle, clock);
        this.clock = clock;
        this.json = json;
    }

    HoldGate gate() {
        return gate;
    }

    HoldDecisions decisions() {
        return decisions;
    }

    /** The background task that finishes approvals a restart cut short. */
    HoldResumer resumer() {
        return new HoldResumer(new StoreHoldQueries(database, json), decisions);
    }

    PersonLifecycle lifecycle() {
        return lifecycle;
    }

    List<Object> resources(IdentityAdministration identity, SourceDirectory sources, AdminRequests requests) {
        return List.of(
                new LifecycleResource(new LifecycleActions(store, config.grace(), clock), identity, sources, requests, json),
                new TimersResource(new StoreTimerQueries(database), json),
                new HoldsResource(new StoreHoldQueries(database, json), decisions, sources, json),
                new PoliciesResource(new PolicyPreview(new StorePolicyReads(database, json), config.grace(), config.holds(),
                        config.lifecycle().sourceZone(), clock), identity, requests, json));
    }
}
