package dev.rollcall.schema.filter;

/**
 * What a filter costs the database, counted before it runs: every comparison and presence test
 * counts 1, except {@code co} and {@code ew}, which no index can serve (each scans every value of its
 * attribute) and count {@value #UNINDEXED}.
 */
public final class FilterCost {
    public static final int UNINDEXED = 10;

    private FilterCost() {
    }

    public static long of(Filter filter) {
        if (filter instanceof Filter.Compare c) {
            return c.op() == CompareOp.CO || c.op() == CompareOp.EW ? UNINDEXED : 1;
        }
        if (filter instanceof Filter.And a) {
            return of(a.left()) + of(a.right());
        }
        if (filter instanceof Filter.Or o) {
            return of(o.left()) + of(o.right());
        }
        if (filter instanceof Filter.Not n) {
            return of(n.inner());
        }
        if (filter instanceof Filter.ValuePath v) {
            return of(v.filter());
        }
        return 1; // Present
    }
}
