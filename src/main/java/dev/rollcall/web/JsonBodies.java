package dev.rollcall.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses request bodies as JSON for both protocols, so that both refuse bad input alike and say
 * why in words safe to show the client. The caller turns {@link Malformed} into its own error format.
 */
public final class JsonBodies {
    private final ObjectMapper json;

    public JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    /** Why a body was refused; the message is meant for the client. */
    public static final class Malformed extends RuntimeException {
        public Malformed(String detail) {
            super(detail);
        }
    }

    /**
     * The JSON value of a non-empty body (null or a missing node when there is none). A string with
     * a lone UTF-16 surrogate ({@code "\\ud800"} is valid JSON) is refused here, where every string enters.
     */
    public JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Malformed(JsonSyntaxDetail.of(e, json.getFactory().streamReadConstraints()));
        } catch (IOException e) {
            throw new Malformed("the request body could not be read");
        }
        if (node != null) {
            LoneSurrogates.find(node).ifPresent(at -> {
                throw new Malformed("the request body has a string with a lone UTF-16 surrogate at "
                        + (at.isEmpty() ? "its top level" : at) + "; send valid Unicode text");
            });
        }
        return node;
    }
}
