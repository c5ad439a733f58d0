package dev.rollcall.scim.bulk;

import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs bulk requests (RFC 7644 §3.7) against the resource types it is given. Each request gets
 * its own {@link BulkRun}, which holds the state of that one request.
 */
public final class BulkProcessor {
    private final Map<ResourceKind, BulkTarget> targets;

    public BulkProcessor(Map<ResourceKind, BulkTarget> targets) {
        this.targets = new EnumMap<>(targets);
    }

    /** The results of the operations processed, in request order. */
    public List<BulkResult> process(Source source, Actor actor, BulkRequest request) {
        return new BulkRun(targets, source, actor, request).execute();
    }
}
