package dev.rollcall.scim.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.schema.ResourceTypeDef;

/** One resource type as the root search lists it: a page of rendered, projected resources. */
public interface SearchableType {

    ResourceTypeDef type();

    Page<ObjectNode> list(Source source, ListParams params);
}
