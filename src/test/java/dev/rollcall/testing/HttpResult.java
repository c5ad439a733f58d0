package dev.rollcall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A response as tests see it: status, headers, body text and the body parsed as JSON. */
public record HttpResult(int status, HttpResponse<String> raw, ObjectMapper json) {

    public String body() {
        return raw.body();
    }

    public JsonNode jsonBody() {
        try {
            return json.readTree(raw.body());
        } catch (IOException e) {
            throw new UncheckedIOException("response is not JSON: " + raw.body(), e);
        }
    }

    public Optional<String> header(String name) {
        return raw.headers().firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }
}
