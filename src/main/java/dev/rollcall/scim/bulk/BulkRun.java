package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;
import dev.rollcall.kernel.StoreUnavailable;
import dev.rollcall.scim.ScimException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk request being processed. Operations run in request order, except that an operation
 * waits until every POST whose bulkId it refers to has run (RFC 7644 §3.7.1). When every waiting
 * operation waits on another, there is a circular reference, which the RFC asks to try to resolve:
 * <ul>
 * <li>a cycle of Groups is groups containing each other, which Groups refuses in any order: its
 *     operations fail with 409 and nothing of them is written (the RFC allows 409 here);</li>
 * <li>any other cycle (users who manage each other) is broken: its first POST is created without
 *     the values that refer to the cycle, the rest of the cycle runs, then that resource is
 *     replaced with its full data. Only the cycle sees the partly created resource; should the
 *     completion fail, the resource is deleted again and the POST reported failed.</li>
 * </ul>
 * A reference to a bulkId no POST of the request declares fails its operation with 400
 * invalidValue; a reference to a POST that failed fails it with 409 (it conflicts with the state
 * the request produced). With failOnErrors, processing stops at that many errors and only the
 * operations processed are reported.
 */
final class BulkRun {
    private static final Logger log = LoggerFactory.getLogger(BulkRun.class);

    /** A POST created without its circular references, to be completed. */
    private record Incomplete(BulkOperation op, String id, Set<String> deferred, Set<Integer> waitsFor) {
    }

    private final Map<ResourceKind, BulkTarget> targets;
    private final Source source;
    private final Actor actor;
    private final int failOnErrors;
    private final List<BulkOperation> pending;
    private final BulkIdTable bulkIds;
    private final List<Incomplete> incomplete = new ArrayList<>();
    private final Map<Integer, BulkResult> results = new TreeMap<>();
    private int errors;
    private boolean stopped;

    BulkRun(Map<ResourceKind, BulkTarget> targets, Source source, Actor actor, BulkRequest request) {
        this.targets = targets;
        this.source = source;
        this.actor = actor;
        this.failOnErrors = request.failOnErrors();
        this.pending = new ArrayList<>(request.operations());
        this.bulkIds = new BulkIdTable(request.operations());
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
                continue;
            }
            List<BulkOperation> cycle = bulkIds.cycle(pending);
            if (cycle.isEmpty()) {
                // cannot happen by construction; never loop forever if it does
                BulkOperation stuck = pending.remove(0);
                fail(stuck, null, new ScimException(409, null, "the references of this operation could not be ordered"));
            } else if (cycle.stream().allMatch(op -> op.path().kind() == ResourceKind.GROUPS)) {
                refuseGroupCycle(cycle);
            } else {
                pending.remove(cycle.get(0));
                runWithoutCircularReferences(cycle.get(0));
            }
        }
        settleIncompletesAfterStop();
        return List.copyOf(results.values());
    }

    /**
     * Whether {@code op} may run as far as {@code bulkId} is concerned. The id of a resource
     * awaiting completion is only given to the operations it waits for (they close the cycle);
     * everything else waits for the completion, so nothing else builds on a resource that may
     * still be taken back.
     */
    private boolean usable(BulkOperation op, String bulkId) {
        if (!bulkIds.settled(bulkId)) {
            return false;
        }
        return incomplete.stream().noneMatch(inc -> bulkId.equals(inc.op().bulkId()) && !inc.waitsFor().contains(op.index()));
    }

    private BulkOperation firstReady() {
        for (BulkOperation op : pending) {
            if (op.references().stream().allMatch(r -> usable(op, r))) {
                return op;
            }
        }
        return null;
    }

    /**
     * Groups that are members of each other would nest in a cycle, which Groups refuses in any
     * order; RFC 7644 §3.7.1 allows answering 409 once resolution fails, so none of them is written.
     */
    private void refuseGroupCycle(List<BulkOperation> cycle) {
        String ids = String.join(", ", cycle.stream().map(op -> "'" + op.bulkId() + "'").toList());
        for (BulkOperation op : cycle) {
            pending.remove(op);
            if (!stopped) {
                fail(op, null, new ScimException(409, null,
                        "circular reference: the groups with bulkIds " + ids + " would contain each other"));
            }
        }
    }

    private void run(BulkOperation op) {
        ScimException refused = refusal(op);
        if (refused != null) {
            fail(op, null, refused);
            return;
        }
        String id = op.path().id() == null ? null : bulkIds.resolve(op.path().id());
        String location = id == null ? null : op.path().withId(id);
        try {
            JsonNode data = BulkIds.substitute(op.data(), bulkIds.ids());
            BulkTarget target = targets.get(op.path().kind());
            switch (op.parsed()) {
                case POST -> {
                    BulkTarget.Written w = target.create(source, actor, data);
                    bulkIds.created(op.bulkId(), w.id());
                    succeed(op, op.path().withId(w.id()), w.version());
                }
                case PUT -> {
                    BulkTarget.Written w = target.replace(source, actor, id, data, op.version());
                    succeed(op, location, w.version());
                }
                case PATCH -> {
                    BulkTarget.Written w = target.patch(source, actor, id, data, op.version());
                    succeed(op, location, w.version());
                }
                case DELETE -> {
                    target.delete(source, actor, id, op.version());
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
        op.references().stream().filter(r -> !bulkIds.settled(r)).forEach(deferred::add);
        Set<Integer> waitsFor = bulkIds.dependenciesOf(op);
        try {
            ObjectNode partial = BulkIds.without((ObjectNode) BulkIds.substitute(op.data(), bulkIds.ids()), deferred);
            BulkTarget.Written w = targets.get(op.path().kind()).create(source, actor, partial);
            bulkIds.created(op.bulkId(), w.id());
            incomplete.add(new Incomplete(op, w.id(), deferred, waitsFor));
        } catch (RuntimeException e) {
            fail(op, null, asScim(e));
        }
    }

    private void completeReadyIncompletes() {
        for (Incomplete inc : List.copyOf(incomplete)) {
            if (inc.deferred().stream().allMatch(bulkIds::settled)) {
                incomplete.remove(inc);
                complete(inc);
            }
        }
    }

    /** Replaces the partly created resource with its full data, or takes it back. */
    private void complete(Incomplete inc) {
        BulkOperation op = inc.op();
        String location = op.path().withId(inc.id());
        String failedRef = inc.deferred().stream().filter(r -> !bulkIds.isCreated(r)).findFirst().orElse(null);
        if (failedRef != null) {
            takeBack(inc, new ScimException(409, null, "circular reference not resolved: the operation with bulkId '"
                    + failedRef + "' failed" + (stopped ? " or was not processed" : "")));
            return;
        }
        try {
            JsonNode full = BulkIds.substitute(op.data(), bulkIds.ids());
            BulkTarget.Written w = targets.get(op.path().kind()).replace(source, actor, inc.id(), full, null);
            succeed(op, location, w.version());
        } catch (RuntimeException e) {
            takeBack(inc, asScim(e));
        }
    }

    private void takeBack(Incomplete inc, ScimException why) {
        try {
            targets.get(inc.op().path().kind()).delete(source, actor, inc.id(), null);
        } catch (RuntimeException e) {
            log.error("bulk: could not delete partly created {} {}", inc.op().path().kind().endpoint(), inc.id(), e);
        }
        bulkIds.failed(inc.op().bulkId());
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
            if (!bulkIds.declared(ref)) {
                return ScimException.invalidValue("bulkId '" + ref + "' is not declared by any POST of this request");
            }
        }
        for (String ref : op.references()) {
            if (bulkIds.isFailed(ref)) {
                return new ScimException(409, null, "bulkId '" + ref + "' refers to an operation that failed");
            }
        }
        return null;
    }

    private void succeed(BulkOperation op, String location, Long version) {
        results.put(op.index(), BulkResult.success(op, location, version));
    }

    private void fail(BulkOperation op, String location, ScimException error) {
        results.put(op.index(), BulkResult.failure(op, location, error));
        if (op.declaredBulkId() != null && !bulkIds.isCreated(op.declaredBulkId())) {
            bulkIds.failed(op.declaredBulkId());
        }
        errors++;
        if (failOnErrors > 0 && errors >= failOnErrors) {
            stopped = true;
        }
    }

    private ScimException asScim(RuntimeException e) {
        if (e instanceof ScimException scim) {
            return scim;
        }
        if (e instanceof StoreUnavailable) {
            // nothing later can succeed either: stop, and say which operations were done
            stopped = true;
            return new ScimException(503, null, "the database is unavailable; this and later operations were not done");
        }
        // the request's own id, so the operation's error, the log line and the response header agree
        String correlationId = actor.correlationId();
        log.error("bulk: unexpected error in an operation, correlation id {}", correlationId, e);
        return new ScimException(500, null, "internal error; correlation id " + correlationId);
    }
}
