package dev.rollcall.schema.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rollcall.schema.StorableText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Character-level reading of filter and path text: words (attribute paths, keywords), JSON literals
 * and punctuation. One instance reads one input; positions in errors are 0-based character offsets.
 */
final class FilterScanner {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String input;
    private int pos;

    FilterScanner(String input) {
        this.input = input;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= input.length();
    }

    void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    /** The next character without consuming it, or -1 at the end. */
    int peek() {
        return atEnd() ? -1 : input.charAt(pos);
    }

    boolean tryConsume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (!tryConsume(c)) {
            throw error("expected " + what + " but found " + describeNext());
        }
    }

    static boolean isWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == ':' || c == '.' || c == '$';
    }

    /** Reads a run of word characters (attribute paths, operators, keywords); empty if none. */
    String readWord() {
        int start = pos;
        while (pos < input.length() && isWordChar(input.charAt(pos))) {
            pos++;
        }
        return input.substring(start, pos);
    }

    /** Looks at the next word without consuming it. */
    String peekWord() {
        int saved = pos;
        String word = readWord();
        pos = saved;
        return word;
    }

    /** Reads a compValue: a JSON string, number, true, false or null. */
    JsonNode readLiteral() {
        int c = peek();
        if (c == '"') {
            return JSON.textNode(readString());
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
        }
        int start = pos;
        String word = readWord();
        switch (word.toLowerCase(Locale.ROOT)) {
            case "true":
                return JSON.booleanNode(true);
            case "false":
                return JSON.booleanNode(false);
            case "null":
                return JSON.nullNode();
            default:
                pos = start;
                throw error("expected a value (a quoted string, number, true, false or null) but found " + describeNext());
        }
    }

    private String readString() {
        int start = pos;
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                pos = start;
                throw error("unterminated string");
            }
            char c = input.charAt(pos++);
            if (c == '"') {
                if (StorableText.unpairedSurrogateAt(out) >= 0) {
                    pos = start;
                    throw error("string has a lone UTF-16 surrogate; send valid Unicode text");
                }
                return out.toString();
            }
            if (c == '\\') {
                out.append(readEscape());
            } else if (c < 0x20) {
                pos--;
                throw error("control character in string (escape it)");
            } else {
                out.append(c);
            }
        }
    }

    private char readEscape() {
        if (atEnd()) {
            throw error("unterminated escape in string");
        }
        char e = input.charAt(pos++);
        switch (e) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (pos + 4 > input.length()) {
                    throw error("incomplete \\u escape");
                }
                String hex = input.substring(pos, pos + 4);
                if (!hex.matches("[0-9a-fA-F]{4}")) {
                    throw error("invalid \\u escape '\\u" + hex + "'");
                }
                pos += 4;
                return (char) Integer.parseInt(hex, 16);
            default:
                pos--;
                throw error("invalid escape '\\" + e + "' in string");
        }
    }

    /** A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private JsonNode readNumber() {
        int start = pos;
        tryConsume('-');
        if (tryConsume('0')) {
            // a leading zero stands alone
        } else if (!readDigits()) {
            pos = start;
            throw error("invalid number");
        }
        boolean integral = true;
        if (tryConsume('.')) {
            integral = false;
            if (!readDigits()) {
                throw error("digit expected after decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (!tryConsume('+')) {
                tryConsume('-');
            }
            if (!readDigits()) {
                throw error("digit expected in exponent");
            }
        }
        if (isWordChar(peek())) {
            pos = start;
            throw error("invalid number");
        }
        String text = input.substring(start, pos);
        try {
            return integral ? integer(new BigInteger(text)) : JSON.numberNode(new BigDecimal(text));
        } catch (NumberFormatException | ArithmeticException e) {
            pos = start;
            throw error("invalid number");
        }
    }

    private static JsonNode integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return JSON.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
            return JSON.numberNode(value.longValue());
        }
        return JSON.numberNode(value);
    }

    private boolean readDigits() {
        int start = pos;
        while (pos < input.length() && input.charAt(pos) >= '0' && input.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    String describeNext() {
        if (atEnd()) {
            return "end of input";
        }
        String word = peekWord();
        if (!word.isEmpty()) {
            return "'" + word + "'";
        }
        return "'" + input.charAt(pos) + "'";
    }

    FilterException error(String message) {
        return error(pos, message);
    }

    FilterException error(int at, String message) {
        return new FilterException(message + " at position " + at);
    }
}
