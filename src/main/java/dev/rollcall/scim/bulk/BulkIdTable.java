package dev.rollcall.scim.bulk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bulkIds of one bulk request: which POST declares each, which are created (with their
 * resource ids) and which failed, and the reference graph between pending operations.
 */
final class BulkIdTable {
    private final Map<String, BulkOperation> declaredBy = new HashMap<>();
    private final Map<String, String> created = new HashMap<>();
    private final Set<String> failed = new HashSet<>();

    BulkIdTable(List<BulkOperation> operations) {
        for (BulkOperation op : operations) {
            if (op.declaredBulkId() != null) {
                declaredBy.putIfAbsent(op.declaredBulkId(), op);
            }
        }
    }

    boolean declared(String bulkId) {
        return declaredBy.containsKey(bulkId);
    }

    boolean isCreated(String bulkId) {
        return created.containsKey(bulkId);
    }

    boolean isFailed(String bulkId) {
        return failed.contains(bulkId) && !created.containsKey(bulkId);
    }

    /** Created, failed or never declared: nothing more will happen to it in this request. */
    boolean settled(String bulkId) {
        return created.containsKey(bulkId) || failed.contains(bulkId) || !declaredBy.containsKey(bulkId);
    }

    void created(String bulkId, String id) {
        created.put(bulkId, id);
    }

    void failed(String bulkId) {
        created.remove(bulkId);
        failed.add(bulkId);
    }

    /** bulkId to resource id, for substitution. */
    Map<String, String> ids() {
        return created;
    }

    /** A path id with its bulkId reference resolved (null when the reference is not created). */
    String resolve(String pathId) {
        String ref = BulkIds.referenceIn(pathId);
        return ref == null ? pathId : created.get(ref);
    }

    String firstUnsettled(BulkOperation op) {
        return op.references().stream().filter(r -> !settled(r)).findFirst().orElse(null);
    }

    /**
     * The operations of a reference cycle among the pending ones, in request order: follow
     * unsettled references from the first pending operation that has one until an operation
     * repeats. Every step lands on a pending POST, since only pending POSTs declare unsettled
     * bulkIds. Empty when there is no such operation.
     */
    List<BulkOperation> cycle(List<BulkOperation> pending) {
        BulkOperation at = pending.stream().filter(op -> firstUnsettled(op) != null).findFirst().orElse(null);
        List<BulkOperation> path = new ArrayList<>();
        while (at != null && !path.contains(at)) {
            path.add(at);
            String ref = firstUnsettled(at);
            at = ref == null ? null : declaredBy.get(ref);
        }
        if (at == null) {
            return List.of();
        }
        List<BulkOperation> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        cycle.sort(Comparator.comparingInt(BulkOperation::index));
        return cycle;
    }

    /** The indexes of the pending operations {@code op} waits for, directly or through others. */
    Set<Integer> dependenciesOf(BulkOperation op) {
        Set<Integer> out = new HashSet<>();
        Deque<BulkOperation> todo = new ArrayDeque<>(List.of(op));
        while (!todo.isEmpty()) {
            for (String ref : todo.pop().references()) {
                BulkOperation dep = settled(ref) ? null : declaredBy.get(ref);
                if (dep != null && out.add(dep.index())) {
                    todo.push(dep);
                }
            }
        }
        return out;
    }
}
