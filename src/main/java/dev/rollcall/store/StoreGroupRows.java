package dev.rollcall.store;

import dev.rollcall.directory.Group;
import dev.rollcall.directory.GroupContent;
import dev.rollcall.directory.GroupRows;
import dev.rollcall.directory.Member;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The directory's group rows over one transaction. A group has no unique value: externalId is not unique (RFC 7643 §3.1). */
final class StoreGroupRows implements GroupRows {
    private final DSLContext tx;
    private final GroupStore groups;
    private final MembershipQueries memberships;

    StoreGroupRows(DSLContext tx, GroupStore groups, MembershipQueries memberships) {
        this.tx = tx;
        this.groups = groups;
        this.memberships = memberships;
    }

    @Override
    public Optional<Group> lock(long sourceId, String id) {
        return groups.byId(tx, sourceId, id, true);
    }

    @Override
    public long insert(long sourceId, String id, Instant at, GroupContent content) {
        long pk = groups.insert(tx, sourceId, id, at, content);
        groups.replaceValues(tx, pk, sourceId, content.values(), false);
        return pk;
    }

    @Override
    public void replace(Group current, long newVersion, Instant at, GroupContent content, boolean reindex) {
        groups.replace(tx, current.pk(), newVersion, at, content);
        if (reindex) {
            groups.replaceValues(tx, current.pk(), current.sourceId(), content.values(), true);
        }
    }

    @Override
    public void delete(long pk) {
        groups.delete(tx, pk);
    }

    @Override
    public List<Member> members(long groupPk) {
        return groups.members(tx, groupPk);
    }

    @Override
    public List<Member> resolve(long sourceId, Collection<String> ids) {
        return groups.resolve(tx, sourceId, ids, true);
    }

    @Override
    public boolean contains(long groupPk, long candidatePk) {
        return memberships.contains(tx, groupPk, candidatePk);
    }

    @Override
    public void addMembers(long groupPk, List<Member> members) {
        groups.addMembers(tx, groupPk, members);
    }

    @Override
    public void removeMembers(long groupPk, List<Member> members) {
        groups.removeMembers(tx, groupPk, members);
    }
}
