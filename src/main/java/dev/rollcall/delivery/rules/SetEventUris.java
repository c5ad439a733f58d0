package dev.rollcall.delivery.rules;

import java.util.Map;

/**
 * The event URI a Security Event Token names for each Rollcall event type: the SCIM provisioning
 * events of RFC 9967 (draft-ietf-scim-events) where one means the same, a Rollcall URI otherwise.
 * SCIM's notice forms are used: the payload is Rollcall's own, not a SCIM resource.
 */
public final class SetEventUris {
    public static final String ROLLCALL_PREFIX = "urn:rollcall:event:";
    private static final String SCIM = "urn:ietf:params:scim:event:prov:";
    private static final Map<String, String> SCIM_URIS = Map.of(
            "person.created", SCIM + "create:notice",
            "person.updated", SCIM + "patch:notice",
            "person.suspended", SCIM + "deactivate",
            "person.reactivated", SCIM + "activate",
            "person.deprovisioned", SCIM + "delete",
            "group.created", SCIM + "create:notice",
            "group.updated", SCIM + "patch:notice",
            "group.deleted", SCIM + "delete");

    private SetEventUris() {
    }

    public static String of(String eventType) {
        return SCIM_URIS.getOrDefault(eventType, ROLLCALL_PREFIX + eventType);
    }
}
