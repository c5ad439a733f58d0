package dev.rollcall.identity;

import java.util.Map;

/** An event about a person, numbered in the person's sequence; the payload is plain maps, lists and scalars. */
public record DomainEvent(String type, String personId, long personSeq, Long sourceId, Map<String, Object> payload) {
}
