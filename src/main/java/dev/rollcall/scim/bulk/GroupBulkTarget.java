package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.groups.GroupService;
import dev.rollcall.scim.groups.GroupView;

/** Bulk operations on /Groups, through the same service as the /Groups endpoint. */
public final class GroupBulkTarget implements BulkTarget {
    private final GroupService groups;

    public GroupBulkTarget(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Written create(Source source, Actor actor, JsonNode data) {
        return written(groups.create(source, actor, data));
    }

    @Override
    public Written replace(Source source, Actor actor, String id, JsonNode data, String ifMatch) {
        return written(groups.replace(source, actor, id, data, ifMatch));
    }

    @Override
    public Written patch(Source source, Actor actor, String id, JsonNode data, String ifMatch) {
        return written(groups.patch(source, actor, id, data, ifMatch));
    }

    @Override
    public void delete(Source source, Actor actor, String id, String ifMatch) {
        groups.delete(source, actor, id, ifMatch);
    }

    private static Written written(GroupView view) {
        return new Written(view.group().id(), view.group().version());
    }
}
