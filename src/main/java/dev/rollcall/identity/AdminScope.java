package dev.rollcall.identity;

/** What an admin token may do. Write includes read. */
public enum AdminScope {
    READ("admin:read"), WRITE("admin:write");

    private final String wireName;

    AdminScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean allows(AdminScope needed) {
        return this == WRITE || needed == READ;
    }

    public static AdminScope fromWireName(String name) {
        for (AdminScope scope : values()) {
            if (scope.wireName.equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + name + "' (expected admin:read or admin:write)");
    }
}
