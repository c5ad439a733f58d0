package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;

/**
 * The writes of one resource type as bulk runs them. Each call is its own transaction in the
 * resource's service, so a failed operation leaves nothing behind (RFC 7644 §3.7: not atomic).
 * Failures are thrown as ScimException.
 */
public interface BulkTarget {

    /** The id and version of a resource after a write. */
    record Written(String id, long version) {
    }

    Written create(Source source, Actor actor, JsonNode data);

    Written replace(Source source, Actor actor, String id, JsonNode data, String ifMatch);

    Written patch(Source source, Actor actor, String id, JsonNode data, String ifMatch);

    void delete(Source source, Actor actor, String id, String ifMatch);
}
