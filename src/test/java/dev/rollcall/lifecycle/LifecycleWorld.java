package dev.rollcall.lifecycle;

import dev.rollcall.directory.Account;
import dev.rollcall.directory.AccountChanges;
import dev.rollcall.directory.AccountContent;
import dev.rollcall.directory.InMemoryDirectoryStore;
import dev.rollcall.events.Actor;
import dev.rollcall.events.EventPayload;
import dev.rollcall.events.EventType;
import dev.rollcall.events.NewEvent;
import dev.rollcall.identity.AccountResolution;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.Facts;
import dev.rollcall.identity.GoldenComputer;
import dev.rollcall.identity.InMemoryIdentityStore;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.MatchPolicy;
import dev.rollcall.identity.Matcher;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.MutableClock;
import java.time.Duration;
import java.util.List;

/**
 * Account changes with the lifecycle, over the in-memory stores, on a movable clock: an HRIS (the
 * authority for employment), an IdP and a CRM, a timer scheduler over the fake timer table, and IT's
 * direct actions.
 */
final class LifecycleWorld {
    static final Duration DEFAULT_GRACE = Duration.ofDays(7);

    final MutableClock clock = MutableClock.startingNow();
    final InMemoryIdentityStore identity = new InMemoryIdentityStore();
    final Source hr = identity.addSource("workday", SourceKind.HRIS, true);
    final Source idp = identity.addSource("okta", SourceKind.IDP, false);
    final Source crm = identity.addSource("salesforce", SourceKind.CRM, true);
    final InMemoryDirectoryStore store = new InMemoryDirectoryStore(identity);
    final CurrentAuthority authority = new CurrentAuthority();
    final GracePolicy grace = new GracePolicy(Duration.ZERO, Duration.ofDays(14), DEFAULT_GRACE);
    final PersonLifecycle lifecycle = new PersonLifecycle(authority, grace);
    final AccountResolution resolution = new AccountResolution(new Matcher(MatchPolicy.defaults()), new GoldenComputer(),
            authority);
    final AccountChanges accounts = new AccountChanges(store.transactor(), resolution, lifecycle,
            new HoldGate(authority, HoldThresholds.defaults()), clock);
    final TimerScheduler scheduler = newScheduler();
    final LifecycleActions actions = new LifecycleActions(store.transactor(), grace, clock);

    TimerScheduler newScheduler() {
        return new TimerScheduler(store.timers(), store.transactor(), lifecycle, clock);
    }

    static Actor actor(Source source) {
        return new Actor("source:" + source.name(), "corr-" + source.name());
    }

    static AccountContent content(String userName, Facts facts) {
        return new AccountContent(null, userName, "{\"userName\":\"" + userName + "\"}", List.of(),
                facts.userName(userName).build());
    }

    /** An employee of the HRIS with worker id {@code workerId}. */
    static Facts employee(String workerId) {
        return Facts.named("Ada", "Byron").worker(workerId);
    }

    Account create(Source source, String userName, Facts facts) {
        return accounts.create(actor(source), "scim.user.create", source, content(userName, facts));
    }

    Account replace(Source source, Account account, Facts facts) {
        return accounts.replace(actor(source), "scim.user.replace", source, account.id(),
                current -> content(account.userName(), facts));
    }

    void delete(Source source, Account account) {
        accounts.delete(actor(source), "scim.user.delete", source, account.id(), current -> { });
    }

    LifecycleState state(String personId) {
        return identity.person(personId).orElseThrow().state();
    }

    List<EventType> lifecycleEvents(String personId) {
        return identity.eventTypesOf(personId).stream().filter(t -> t == EventType.PERSON_SUSPENDED
                || t == EventType.PERSON_REACTIVATED || t == EventType.PERSON_DEPROVISIONED).toList();
    }

    /** The payload of the person's last event of this type. */
    <P extends EventPayload> P last(String personId, Class<P> type) {
        List<NewEvent> all = identity.eventsOf(personId).stream().map(e -> e.event())
                .filter(e -> type.isInstance(e.payload())).toList();
        if (all.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " for " + personId + ": " + identity.eventTypesOf(personId));
        }
        return type.cast(all.get(all.size() - 1).payload());
    }
}
