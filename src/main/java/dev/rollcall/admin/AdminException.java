package dev.rollcall.admin;

/** An admin request that cannot be done; status and a detail safe to show the caller. */
public class AdminException extends RuntimeException {
    private final int status;

    public AdminException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
