package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.Caller;
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
    public Written create(Source source, Caller caller, JsonNode data) {
        return written(users.create(source, caller, data));
    }

    @Override
    public Written replace(Source source, Caller caller, String id, JsonNode data, String ifMatch) {
        return written(users.replace(source, caller, id, data, ifMatch));
    }

    @Override
    public Written patch(Source source, Caller caller, String id, JsonNode data, String ifMatch) {
        return written(users.patch(source, caller, id, data, ifMatch));
    }

    @Override
    public void delete(Source source, Caller caller, String id, String ifMatch) {
        users.delete(source, caller, id, ifMatch);
    }

    private static Written written(UserView view) {
        return new Written(view.account().id(), view.account().version());
    }
}
