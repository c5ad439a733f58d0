package dev.rollcall.delivery;

/** A registry request that cannot be done: bad input (400), unknown (404) or not now (409); the detail is safe to show. */
public final class SubscriptionException extends RuntimeException {
    private final int status;

    public SubscriptionException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
