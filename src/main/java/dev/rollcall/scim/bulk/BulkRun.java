package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.ScimException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk request being processed. Operations run in request order, except that an operation
 * waits until every POST whose bulkId it refers to has run (RFC 7644 §3.7.1). When every waiting
 * operation waits on another (a circular reference, e.g. two groups that are members of each
 * other), the cycle is broken as the RFC asks ("MUST try to resolve"): one POST of the cycle is
 * created without the values that refer to the cycle, and once those resources exist it is
 * replaced with its full data. Should that completion fail, the resource is deleted again and the
 * POST is reported failed, so no operation leaves a partial write.
 *
 * <p>A reference to a bulkId no POST of the request declares fails its operation with 400
 * invalidValue; a reference to a POST that failed fails it with 409 (the operation conflicts
 * with the state the request produced).
 */
final class BulkRun {
    private static final Logger log = LoggerFactory.getLogger(BulkRun.class);

    /** A POST created without its circular references, to be completed. */
    private record Incomplete(BulkOperation op, String id, Set<String> deferred) {
    }

    private final Map<ResourceKind, BulkTarget> targets;
    private final Source source;
    private final Caller caller;
    private final int failOnErrors;
    private final List<BulkOperation> pending;
    private final Map<String, BulkOperation> declaredBy = new HashMap<>();
    private final Map<String, String> created = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final List<Incomplete> incomplete = new ArrayList<>();
    private final Map<Integer, BulkResult> results = new TreeMap<>();
    private int errors;
    private boolean stopped;

    BulkRun(Map<ResourceKind, BulkTarget> targets, Source source, Caller caller, BulkRequest request) {
        this.targets = targets;
        this.source = source;
        this.caller = caller;
        this.failOnErrors = request.failOnErrors();
        this.pending = new ArrayList<>(request.operations());
        for (BulkOperation op : request.operations()) {
            if (op.declaredBulkId() != null) {
                declaredBy.putIfAbsent(op.declaredBulkId(), op);
            }
        }
    }

    List<BulkResult> execute() {
        while (!stopped) {
            completeReadyIncompletes();
            if (stopped || pending.isEmpty()) {
                break;
            }
            BulkOperation next = firstReady();
            if (next != null) {
                pending.remove(next);
                run(next);
            } else {
                BulkOperation breaker = onCycle();
                pending.remove(breaker);
                runWithoutCircularReferences(breaker);
            }
        }
        settleIncompletesAfterStop();
        return List.copyOf(results.values());
    }

    private boolean settled(String bulkId) {
        return created.containsKey(bulkId) || failed.contains(bulkId) || !declaredBy.containsKey(bulkId);
    }

    private BulkOperation firstReady() {
        for (BulkOperation op : pending) {
            if (op.references().stream().allMatch(this::settled) && !addressesIncomplete(op)) {
                return op;
            }
        }
        return null;
    }

    /** A PUT, PATCH or DELETE of a resource still waiting for its completion waits too, or the completion would undo it. */
    private boolean addressesIncomplete(BulkOperation op) {
        String ref = op.isValid() && op.path().id() != null ? BulkIds.referenceIn(op.path().id()) : null;
        return ref != null && incomplete.stream().anyMatch(inc -> ref.equals(inc.op().bulkId()));
    }

    /**
     * A POST on a reference cycle among the pending operations: follow unsettled references from
     * the first pending operation that has one until an operation repeats. Every step lands on a
     * pending POST, since only pending POSTs declare unsettled bulkIds; when nothing is ready
     * there is such an operation (an incomplete resource waits on a pending POST).
     */
    private BulkOperation onCycle() {
        Set<BulkOperation> seen = new LinkedHashSet<>();
        BulkOperation at = pending.stream()
                .filter(op -> op.references().stream().anyMatch(r -> !settled(r)))
                .findFirst().orElseThrow();
        while (seen.add(at)) {
            String ref = at.references().stream().filter(r -> !settled(r)).findFirst().orElseThrow();
            at = declaredBy.get(ref);
        }
        return at;
    }

    private void run(BulkOperation op) {
        ScimException refused = refusal(op);
        if (refused != null) {
            fail(op, null, refused);
            return;
        }
        String id = op.path().id() == null ? null : resolve(op.path().id());
        String location = id == null ? null : op.path().withId(id);
        try {
            JsonNode data = BulkIds.substitute(op.data(), created);
            BulkTarget target = targets.get(op.path().kind());
            switch (op.parsed()) {
                case POST -> {
                    BulkTarget.Written w = target.create(source, caller, data);
                    created.put(op.bulkId(), w.id());
                    succeed(op, op.path().withId(w.id()), w.version());
                }
                case PUT -> {
                    BulkTarget.Written w = target.replace(source, caller, id, data, op.version());
                    succeed(op, location, w.version());
                }
                case PATCH -> {
                    BulkTarget.Written w = target.patch(source, caller, id, data, op.version());
                    succeed(op, location, w.version());
                }
                case DELETE -> {
                    target.delete(source, caller, id, op.version());
                    succeed(op, location, null);
                }
            }
        } catch (RuntimeException e) {
            fail(op, op.parsed() == BulkMethod.POST ? null : location, asScim(e));
        }
    }

    private void runWithoutCircularReferences(BulkOperation op) {
        ScimException refused = refusal(op);
        if (refused != null) {
            fail(op, null, refused);
            return;
        }
        Set<String> deferred = new LinkedHashSet<>();
        op.references().stream().filter(r -> !settled(r)).forEach(deferred::add);
        try {
            ObjectNode partial = BulkIds.without((ObjectNode) BulkIds.substitute(op.data(), created), deferred);
            BulkTarget.Written w = targets.get(op.path().kind()).create(source, caller, partial);
            created.put(op.bulkId(), w.id());
            incomplete.add(new Incomplete(op, w.id(), deferred));
        } catch (RuntimeException e) {
            fail(op, null, asScim(e));
        }
    }

    private void completeReadyIncompletes() {
        for (Incomplete inc : List.copyOf(incomplete)) {
            if (inc.deferred().stream().allMatch(this::settled)) {
                incomplete.remove(inc);
                complete(inc);
            }
        }
    }

    /** Replaces the partly created resource with its full data, or takes it back. */
    private void complete(Incomplete inc) {
        BulkOperation op = inc.op();
        String location = op.path().withId(inc.id());
        String failedRef = inc.deferred().stream().filter(r -> !created.containsKey(r)).findFirst().orElse(null);
        if (failedRef != null) {
            takeBack(inc, new ScimException(409, null, "circular reference not resolved: the operation with bulkId '"
                    + failedRef + "' failed" + (stopped ? " or was not processed" : "")));
            return;
        }
        try {
            JsonNode full = BulkIds.substitute(op.data(), created);
            BulkTarget.Written w = targets.get(op.path().kind()).replace(source, caller, inc.id(), full, null);
            succeed(op, location, w.version());
        } catch (RuntimeException e) {
            takeBack(inc, asScim(e));
        }
    }

    private void takeBack(Incomplete inc, ScimException why) {
        try {
            targets.get(inc.op().path().kind()).delete(source, caller, inc.id(), null);
        } catch (RuntimeException e) {
            log.error("bulk: could not delete partly created {} {}", inc.op().path().kind().endpoint(), inc.id(), e);
        }
        created.remove(inc.op().bulkId());
        fail(inc.op(), null, why);
    }

    /** After failOnErrors stopped the run: complete what can be, take back the rest. */
    private void settleIncompletesAfterStop() {
        for (Incomplete inc : List.copyOf(incomplete)) {
            incomplete.remove(inc);
            complete(inc);
        }
    }

    private ScimException refusal(BulkOperation op) {
        if (!op.isValid()) {
            return op.invalid();
        }
        if (targets.get(op.path().kind()) == null) {
            return ScimException.invalidPath("/" + op.path().kind().endpoint() + " is not supported in bulk yet");
        }
        for (String ref : op.references()) {
            if (!declaredBy.containsKey(ref)) {
                return ScimException.invalidValue("bulkId '" + ref + "' is not declared by any POST of this request");
            }
        }
        for (String ref : op.references()) {
            if (failed.contains(ref) && !created.containsKey(ref)) {
                return new ScimException(409, null, "bulkId '" + ref + "' refers to an operation that failed");
            }
        }
        return null;
    }

    private String resolve(String pathId) {
        String ref = BulkIds.referenceIn(pathId);
        return ref == null ? pathId : created.get(ref);
    }

    private void succeed(BulkOperation op, String location, Long version) {
        results.put(op.index(), BulkResult.success(op, location, version));
    }

    private void fail(BulkOperation op, String location, ScimException error) {
        results.put(op.index(), BulkResult.failure(op, location, error));
        if (op.declaredBulkId() != null && !created.containsKey(op.declaredBulkId())) {
            failed.add(op.declaredBulkId());
        }
        errors++;
        if (failOnErrors > 0 && errors >= failOnErrors) {
            stopped = true;
        }
    }

    private static ScimException asScim(RuntimeException e) {
        if (e instanceof ScimException scim) {
            return scim;
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("bulk: unexpected error in an operation, correlation id {}", correlationId, e);
        return new ScimException(500, null, "internal error; correlation id " + correlationId);
    }
}
