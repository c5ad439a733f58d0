package dev.rollcall.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a request body that is not JSON, in words for the client: Jackson's own
 * messages name its classes and settings ({@code StreamReadConstraints.getMaxNestingDepth()},
 * {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}), which are internal text.
 */
final class JsonSyntaxDetail {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final int MAX_ECHO = 160;

    private JsonSyntaxDetail() {
    }

    static String of(JsonProcessingException e, StreamReadConstraints limits) {
        return "the request body is not valid JSON: " + reason(e, limits) + where(e.getLocation());
    }

    private static String reason(JsonProcessingException e, StreamReadConstraints limits) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return limit(message, limits);
        }
        if (e instanceof JsonEOFException) {
            return "it ends before an object, array or string is closed";
        }
        if (message.startsWith("Trailing token")) {
            return "there is more after the first JSON value";
        }
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.matches()) {
            return "the member '" + abbreviate(duplicate.group(1)) + "' appears twice in one object";
        }
        if (message.isEmpty() || message.contains("`") || message.contains("[Source") || message.contains("jackson")) {
            return "it is malformed";
        }
        return abbreviate(message);
    }

    private static String limit(String message, StreamReadConstraints limits) {
        if (message.contains("nesting depth")) {
            return "it nests deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (message.startsWith("Number value length")) {
            return "a number is longer than " + limits.getMaxNumberLength() + " characters";
        }
        if (message.startsWith("String value length")) {
            return "a string is longer than " + limits.getMaxStringLength() + " characters";
        }
        if (message.startsWith("Name length")) {
            return "a member name is longer than " + limits.getMaxNameLength() + " characters";
        }
        return "it exceeds a size limit";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO - 3) + "...";
    }
}
