package dev.rollcall.scim;

/**
 * Limits enforced on requests; the first three are advertised in ServiceProviderConfig (SCIM has no
 * place for a filter's cost), all are documented in the README.
 */
public record ScimLimits(int bulkMaxOperations, int maxPayloadBytes, int filterMaxResults, int filterMaxCost) {
    /** A filter's cost accepted unless configured otherwise (see FilterCost). */
    public static final int DEFAULT_FILTER_MAX_COST = 100;
}
