package dev.rollcall.kernel;

/**
 * The database did not answer within its time limits (stopped, frozen, unreachable, or a statement
 * ran out of time). The work was not acknowledged; whether a commit in flight took effect is not
 * known, so callers answer "try again later", never success.
 */
public final class StoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailable(Throwable cause) {
        super("the database is unavailable", cause);
    }
}
