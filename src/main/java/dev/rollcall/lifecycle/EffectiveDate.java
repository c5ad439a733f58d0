package dev.rollcall.lifecycle;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When a {@code hireDate} or {@code terminationDate} takes effect: an RFC 7643 dateTime is that instant;
 * a plain date ({@code 2026-12-01}) is the start of that day in the source's time zone. SCIM refuses
 * anything else at the door (invalidValue), so an unreadable stored value is treated as absent.
 */
final class EffectiveDate {
    private EffectiveDate() {
    }

    /** {@code zone} is asked only for a plain date (it may cost a read of the source). */
    static Optional<Instant> of(String text, Supplier<ZoneId> zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t).atStartOfDay(zone.get()).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
