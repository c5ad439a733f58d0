package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.users.UserService;
import dev.rollcall.scim.users.UserView;

/** Bulk operations on /Users, through the same service as the /Users endpoint. */
public final class UserBulkTarget implements BulkTarget {
    private final UserService users;

    public UserBulkTarget(UserService users) {
        this.users = users;
    }

    @Override
    public Written create(Source source, Actor actor, JsonNode data) {
        return written(users.create(source, actor, data));
    }

    @Override
    public Written replace(Source source, Actor actor, String id, JsonNode data, String ifMatch) {
        return written(users.replace(source, actor, id, data, ifMatch));
    }

    @Override
    public Written patch(Source source, Actor actor, String id, JsonNode data, String ifMatch) {
        return written(users.patch(source, actor, id, data, ifMatch));
    }

    @Override
    public void delete(Source source, Actor actor, String id, String ifMatch) {
        users.delete(source, actor, id, ifMatch);
    }

    private static Written written(UserView view) {
        return new Written(view.account().id(), view.account().version());
    }
}
