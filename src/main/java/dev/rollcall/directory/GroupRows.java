package dev.rollcall.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Group rows, their filter index and their member rows, in the current transaction. */
public interface GroupRows {

    Optional<Group> lock(long sourceId, String id);

    /** Inserts the group and its index rows; returns its key. A group has no unique value (externalId is not unique). */
    long insert(long sourceId, String id, Instant at, GroupContent content);

    /** Replaces the group's content; its index rows only when {@code reindex}. */
    void replace(Group current, long newVersion, Instant at, GroupContent content, boolean reindex);

    /** Deletes the group; its member rows and its memberships in other groups go with it. */
    void delete(long pk);

    /** The members of one group, in the order they were added. */
    List<Member> members(long groupPk);

    /**
     * The users and groups of a source with these ids (absent ids are absent from the result); the
     * groups are read with a shared lock so two concurrent writes cannot close a cycle neither saw.
     */
    List<Member> resolve(long sourceId, Collection<String> ids);

    /** True when {@code groupPk} is {@code candidatePk} or contains it, directly or through nested groups. */
    boolean contains(long groupPk, long candidatePk);

    void addMembers(long groupPk, List<Member> members);

    void removeMembers(long groupPk, List<Member> members);
}
