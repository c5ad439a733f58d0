package dev.rollcall.store;

import dev.rollcall.store.generated.tables.records.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The two hashes of the audit trail. A row's content hash covers every column a writer sets
 * (fields length-prefixed, so no two different rows render alike); a link hash ties a row's content
 * hash to its place in the chain and to the link before it.
 */
public final class AuditDigest {
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    /** The columns a writer sets (the seq is not known before the insert; the link covers it). */
    public record Content(LocalDateTime at, String actor, String action, String targetType, String targetId,
                          String correlationId, String before, String after, Long witnessSeq, String witnessHash) {

        /** The content of a stored row, as its writer set it. */
        public static Content of(AuditRecord r) {
            return new Content(r.getAt(), r.getActor(), r.getAction(), r.getTargetType(), r.getTargetId(),
                    r.getCorrelationId(), r.getBeforeState() == null ? null : r.getBeforeState().data(),
                    r.getAfterState() == null ? null : r.getAfterState().data(), r.getWitnessSeq(), r.getWitnessHash());
        }
    }

    private AuditDigest() {
    }

    public static String content(Content c) {
        StringBuilder s = new StringBuilder("rollcall-audit-v2");
        field(s, MICROS.format(c.at()));
        field(s, c.actor());
        field(s, c.action());
        field(s, c.targetType());
        field(s, c.targetId());
        field(s, c.correlationId());
        field(s, c.before());
        field(s, c.after());
        field(s, c.witnessSeq() == null ? null : c.witnessSeq().toString());
        field(s, c.witnessHash());
        return sha256(s.toString());
    }

    /** The link of the row at chain position {@code pos}; a row without a content hash links as "none". */
    public static String link(String prev, long pos, long seq, String rowHash) {
        return sha256(prev + '\n' + pos + '\n' + seq + '\n' + (rowHash == null ? "none" : rowHash));
    }

    private static void field(StringBuilder s, String value) {
        s.append('\n');
        if (value == null) {
            s.append('-');
        } else {
            s.append(value.length()).append(':').append(value);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
