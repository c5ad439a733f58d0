package dev.rollcall.directory;

/**
 * A member of a group: a user (account) or a nested group, with its public id and the name shown as
 * {@code members.display}. Also what a requested member id resolves to before it is added.
 */
public record Member(Kind kind, long pk, String id, String display) {

    public enum Kind {
        USER("User"), GROUP("Group");

        private final String scimName;

        Kind(String scimName) {
            this.scimName = scimName;
        }

        /** The SCIM {@code members.type} value. */
        public String scimName() {
            return scimName;
        }
    }
}
