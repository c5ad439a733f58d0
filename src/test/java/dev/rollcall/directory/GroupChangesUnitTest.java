package dev.rollcall.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.EventPayload;
import dev.rollcall.events.EventPayload.MemberRef;
import dev.rollcall.identity.InMemoryTables.LoggedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GroupChanges: members resolved and checked, only the difference written, one event per change. */
class GroupChangesUnitTest {
    private final DirectoryWorld w = new DirectoryWorld();
    private final Account ann = w.create("ann", "W1");
    private final Account bob = w.create("bob", "W2");

    private List<EventPayload> groupEvents() {
        return w.identity.events().stream().map(LoggedEvent::event).filter(e -> e.groupId() != null)
                .map(e -> e.payload()).toList();
    }

    @Test
    void createStoresTheMembersInOrderWithOneGroupCreatedEventAndItsAudit() {
        GroupState g = w.createGroup("Finance", bob.id(), ann.id());

        assertThat(w.store.memberIds(g.group().id())).containsExactly(bob.id(), ann.id());
        List<MemberRef> refs = List.of(new MemberRef(bob.id(), "User"), new MemberRef(ann.id(), "User"));
        assertThat(groupEvents()).containsExactly(
                new EventPayload.GroupCreated(g.group().id(), "workday", "Finance", refs, List.of()));
        assertThat(w.identity.audit()).last().extracting(a -> a.record().after())
                .isEqualTo(new AuditRecord.Document("{\"displayName\":\"Finance\"}", Map.of("membersAdded", refs)));
    }

    @Test
    void unknownMemberIdsAreRefusedByNameAndNothingIsWritten() {
        int audits = w.identity.audit().size();

        assertThatThrownBy(() -> w.createGroup("Finance", ann.id(), "ghost-1", "ghost-2"))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.INVALID_MEMBER))
                .hasMessageContaining("'ghost-1', 'ghost-2'").hasMessageNotContaining(ann.id());

        assertThat(w.store.groups()).isEmpty();
        assertThat(groupEvents()).isEmpty();
        assertThat(w.identity.audit()).hasSize(audits);
    }

    @Test
    void aGroupCannotBecomeAMemberOfItselfOrOfAGroupItContains() {
        GroupState inner = w.createGroup("Inner", ann.id());
        GroupState outer = w.createGroup("Outer", inner.group().id());

        assertThatThrownBy(() -> w.setMembers(inner.group(), ann.id(), outer.group().id()))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.kind()).isEqualTo(DirectoryException.Kind.INVALID_MEMBER))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> w.setMembers(inner.group(), inner.group().id())).hasMessageContaining("cycle");
        assertThat(w.store.memberIds(inner.group().id())).containsExactly(ann.id());
        assertThat(groupEvents()).hasSize(2);
    }

    @Test
    void aChangeThatChangesNothingWritesNoEventNoAuditAndNoVersion() {
        GroupState g = w.createGroup("Finance", ann.id(), bob.id());
        int events = w.identity.events().size();
        int audits = w.identity.audit().size();

        GroupState same = w.setMembers(g.group(), bob.id(), ann.id());

        assertThat(same.group().version()).isEqualTo(1);
        assertThat(w.identity.events()).hasSize(events);
        assertThat(w.identity.audit()).hasSize(audits);
    }

    @Test
    void aChangeWritesOnlyTheMemberDifference() {
        GroupState nested = w.createGroup("Nested");
        GroupState g = w.createGroup("Finance", ann.id(), bob.id());

        GroupState changed = w.setMembers(g.group(), bob.id(), nested.group().id());

        assertThat(changed.group().version()).isEqualTo(2);
        assertThat(w.store.memberIds(g.group().id())).containsExactly(bob.id(), nested.group().id());
        assertThat(groupEvents()).last().isEqualTo(new EventPayload.GroupUpdated(g.group().id(), "workday", "Finance",
                List.of(new MemberRef(nested.group().id(), "Group")), List.of(new MemberRef(ann.id(), "User")), null));
    }
}
