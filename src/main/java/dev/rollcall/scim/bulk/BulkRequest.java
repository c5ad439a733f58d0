package dev.rollcall.scim.bulk;

import java.util.List;

/**
 * A parsed BulkRequest (RFC 7644 §3.7).
 *
 * @param failOnErrors the number of errors after which processing stops; 0 for no limit
 */
public record BulkRequest(int failOnErrors, List<BulkOperation> operations) {
}
