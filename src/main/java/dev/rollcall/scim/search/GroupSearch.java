package dev.rollcall.scim.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.groups.GroupRenderer;
import dev.rollcall.scim.groups.GroupService;
import dev.rollcall.scim.groups.GroupView;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.scim.http.ResourceLocations;
import dev.rollcall.scim.resource.AttributeProjector;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;

/** Groups in a root search, rendered as GET /Groups renders them (members included). */
public final class GroupSearch implements SearchableType {
    private final GroupService groups;
    private final GroupRenderer renderer;
    private final AttributeProjector projector;
    private final ResourceTypeDef type;
    private final ResourceLocations locations;

    public GroupSearch(GroupService groups, GroupRenderer renderer, AttributeProjector projector, SchemaRegistry schemas,
                       ResourceLocations locations) {
        this.groups = groups;
        this.renderer = renderer;
        this.projector = projector;
        this.locations = locations;
        this.type = schemas.group();
    }

    @Override
    public ResourceTypeDef type() {
        return type;
    }

    @Override
    public Page<ObjectNode> list(Source source, ListParams params) {
        Page<GroupView> page = groups.list(source, params, true);
        return new Page<>(page.items().stream().map(v -> render(v, params)).toList(), page.totalResults(), page.startIndex());
    }

    private ObjectNode render(GroupView view, ListParams params) {
        ObjectNode rendered = renderer.render(view, locations::users, locations::groups);
        return projector.project(type, rendered, params.attributes(), params.excludedAttributes());
    }
}
