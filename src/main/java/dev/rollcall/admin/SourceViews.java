package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.RegisteredSource;
import dev.rollcall.identity.SourceToken;
import java.time.Instant;

/** The wire form of sources and their tokens. Token secrets appear only in the answer that issues them. */
final class SourceViews {
    private final ObjectMapper json;

    SourceViews(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode summary(RegisteredSource s) {
        ObjectNode node = json.createObjectNode();
        node.put("name", s.source().name());
        node.put("kind", s.source().kind().wireName());
        node.put("mayCreatePersons", s.source().mayCreatePersons());
        node.put("assertsWorkerIds", s.source().assertsWorkerIds());
        time(node, "createdAt", s.createdAt());
        node.put("activeTokens", s.activeTokens());
        node.put("timeZone", s.timeZone());
        node.put("correlationAttribute", s.source().correlationAttribute());
        return node;
    }

    ObjectNode detail(RegisteredSource s) {
        ObjectNode node = summary(s);
        ArrayNode tokens = node.putArray("tokens");
        s.tokens().forEach(t -> tokens.add(token(t)));
        return node;
    }

    ObjectNode token(SourceToken t) {
        ObjectNode node = json.createObjectNode();
        node.put("id", Long.toString(t.id()));
        node.put("name", t.name());
        time(node, "createdAt", t.createdAt());
        time(node, "revokedAt", t.revokedAt());
        node.put("active", t.active());
        return node;
    }

    static void time(ObjectNode node, String field, Instant at) {
        if (at == null) {
            node.putNull(field);
        } else {
            node.put(field, at.toString());
        }
    }
}
