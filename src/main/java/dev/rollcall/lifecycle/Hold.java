package dev.rollcall.lifecycle;

import java.time.Instant;

/** One hold of a source: why it opened (the threshold crossed) and who decided it, when. */
public record Hold(long pk, String id, long sourceId, HoldStatus status, ChangeKind trigger, String triggerDetail,
                   Instant openedAt, Instant decidedAt, String decidedBy, Instant finishedAt) {
}
