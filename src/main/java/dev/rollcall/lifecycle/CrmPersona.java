package dev.rollcall.lifecycle;

import java.time.Instant;

/**
 * An external persona as the lifecycle tracks it: one CRM contact (account id) in one CRM account.
 * CURRENT is the account the contact belongs to now; GRACE a former one that keeps access until
 * {@code graceUntil} ({@code cause}: {@code crm_account_changed} or {@code contact_deleted}); ENDED a grace
 * that ran out.
 */
public record CrmPersona(long personPk, String accountId, long sourceId, String crmAccountId, Status status, String cause,
                         Instant graceUntil) {
    public static final int MAX_CRM_ACCOUNT_ID = 255;

    public enum Status { CURRENT, GRACE, ENDED }

    public CrmPersona {
        crmAccountId = stored(crmAccountId);
    }

    /** A CRM account id as a row keeps it: at most 255 characters. */
    static String stored(String crmAccountId) {
        return crmAccountId.length() <= MAX_CRM_ACCOUNT_ID ? crmAccountId : crmAccountId.substring(0, MAX_CRM_ACCOUNT_ID);
    }

    CrmPersona with(long newPersonPk, Status newStatus, String newCause, Instant newGraceUntil) {
        return new CrmPersona(newPersonPk, accountId, sourceId, crmAccountId, newStatus, newCause, newGraceUntil);
    }
}
