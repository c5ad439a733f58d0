package dev.rollcall.scim.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.scim.http.ResourceLocations;
import dev.rollcall.scim.resource.AttributeProjector;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.scim.users.UserRenderer;
import dev.rollcall.scim.users.UserService;
import dev.rollcall.scim.users.UserView;

/** Users in a root search, rendered as GET /Users renders them. */
public final class UserSearch implements SearchableType {
    private final UserService users;
    private final UserRenderer renderer;
    private final AttributeProjector projector;
    private final ResourceTypeDef type;
    private final ResourceLocations locations;

    public UserSearch(UserService users, UserRenderer renderer, AttributeProjector projector, SchemaRegistry schemas,
                      ResourceLocations locations) {
        this.users = users;
        this.renderer = renderer;
        this.projector = projector;
        this.locations = locations;
        this.type = schemas.user();
    }

    @Override
    public ResourceTypeDef type() {
        return type;
    }

    @Override
    public Page<ObjectNode> list(Source source, ListParams params) {
        Page<UserView> page = users.list(source, params);
        return new Page<>(page.items().stream().map(v -> render(v, params)).toList(), page.totalResults(), page.startIndex());
    }

    private ObjectNode render(UserView view, ListParams params) {
        ObjectNode rendered = renderer.render(view, locations::users, locations::groups);
        return projector.project(type, rendered, params.attributes(), params.excludedAttributes());
    }
}
