package dev.rollcall.directory;

import dev.rollcall.events.Actor;
import dev.rollcall.identity.AccountResolution;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.Facts;
import dev.rollcall.identity.GoldenComputer;
import dev.rollcall.identity.InMemoryIdentityStore;
import dev.rollcall.identity.MatchPolicy;
import dev.rollcall.identity.Matcher;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.lifecycle.GracePolicy;
import dev.rollcall.lifecycle.HoldGate;
import dev.rollcall.lifecycle.HoldThresholds;
import dev.rollcall.lifecycle.PersonLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The directory use cases wired to the in-memory stores, one HRIS source, a fixed clock. */
final class DirectoryWorld {
    static final Actor SOURCE = new Actor("source:workday", "corr-push-1");

    final InMemoryIdentityStore identity = new InMemoryIdentityStore();
    final Source hr = identity.addSource("workday", SourceKind.HRIS, true);
    final InMemoryDirectoryStore store = new InMemoryDirectoryStore(identity);
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    final AccountResolution resolution = new AccountResolution(new Matcher(MatchPolicy.defaults()),
            new GoldenComputer(), new CurrentAuthority());
    final AccountChanges accounts = new AccountChanges(store.transactor(), resolution,
            new PersonLifecycle(new CurrentAuthority(), GracePolicy.defaults()),
            new HoldGate(new CurrentAuthority(), HoldThresholds.defaults()), clock);
    final GroupChanges groups = new GroupChanges(store.transactor(), clock);

    /** A User's content as the protocol would derive it (no filter index rows). */
    static AccountContent user(String userName, String externalId, Facts facts) {
        return new AccountContent(externalId, userName, "{\"userName\":\"" + userName + "\"}", List.of(),
                facts.userName(userName).build());
    }

    Account create(String userName, String workerId) {
        return accounts.create(SOURCE, "scim.user.create", hr,
                user(userName, null, Facts.named(userName, "Tester").worker(workerId)));
    }

    static GroupContent group(String displayName) {
        return new GroupContent(null, displayName, "{\"displayName\":\"" + displayName + "\"}", List.of());
    }

    static List<RequestedMember> members(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new RequestedMember(id, null)).toList();
    }

    GroupState createGroup(String displayName, String... memberIds) {
        return groups.create(SOURCE, "scim.group.create", hr, group(displayName), members(memberIds));
    }

    /** A change that leaves the group's body as it is and its members as {@code memberIds}. */
    GroupState setMembers(Group g, String... memberIds) {
        return groups.change(SOURCE, "scim.group.patch", hr, g.id(), (current, before) -> new GroupRevision.Edit(
                new GroupContent(current.externalId(), current.displayName(), current.document(), List.of()),
                members(memberIds), false));
    }
}
