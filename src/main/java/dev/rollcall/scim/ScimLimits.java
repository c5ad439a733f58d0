package dev.rollcall.scim;

/** Limits advertised in ServiceProviderConfig and enforced on requests. */
public record ScimLimits(int bulkMaxOperations, int maxPayloadBytes, int filterMaxResults) {
}
