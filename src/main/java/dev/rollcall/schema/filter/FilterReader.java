package dev.rollcall.schema.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Recursive-descent reader for the filter grammar of RFC 7644 §3.4.2.2 over one input.
 * Precedence: {@code not} binds tighter than {@code and}, which binds tighter than {@code or};
 * chains of and/or are read iteratively (left-associative), so only parentheses, {@code not} and
 * brackets add recursion depth, and that is bounded by {@link FilterParser#MAX_DEPTH}.
 */
final class FilterReader {
    private final FilterScanner in;
    private int depth;
    private int expressions;

    FilterReader(FilterScanner in) {
        this.in = in;
    }

    /** A whole filter: the input must end after it. */
    Filter readFilter() {
        Filter f = readOr(false);
        in.skipSpaces();
        if (!in.atEnd()) {
            throw in.error("expected 'and', 'or' or the end of the filter but found " + in.describeNext());
        }
        return f;
    }

    /** A filter inside brackets (valFilter): relative attribute names, no nested brackets. */
    Filter readValueFilter() {
        return readOr(true);
    }

    private Filter readOr(boolean inValuePath) {
        Filter left = readAnd(inValuePath);
        while (nextKeywordIs("or")) {
            in.readWord();
            left = new Filter.Or(left, readAnd(inValuePath));
        }
        return left;
    }

    private Filter readAnd(boolean inValuePath) {
        Filter left = readUnary(inValuePath);
        while (nextKeywordIs("and")) {
            in.readWord();
            left = new Filter.And(left, readUnary(inValuePath));
        }
        return left;
    }

    private Filter readUnary(boolean inValuePath) {
        in.skipSpaces();
        if (in.peek() == '(') {
            return readParenthesised(inValuePath);
        }
        int start = in.position();
        String word = in.readWord();
        if (word.equalsIgnoreCase("not")) {
            in.skipSpaces();
            if (in.peek() != '(') {
                throw in.error("expected '(' after 'not' but found " + in.describeNext());
            }
            return new Filter.Not(readParenthesised(inValuePath));
        }
        if (word.isEmpty()) {
            throw in.error("expected an attribute path, '(' or 'not' but found " + in.describeNext());
        }
        if (++expressions > FilterParser.MAX_EXPRESSIONS) {
            throw in.error(start, "filter has more than " + FilterParser.MAX_EXPRESSIONS + " expressions");
        }
        AttrPath path = AttrPathSyntax.parse(word, start);
        if (in.peek() == '[') {
            if (inValuePath) {
                throw in.error("value filters cannot be nested");
            }
            return new Filter.ValuePath(path, readBracketed());
        }
        return readComparison(path, inValuePath, start);
    }

    private Filter readParenthesised(boolean inValuePath) {
        in.expect('(', "'('");
        enter();
        Filter inner = readOr(inValuePath);
        in.skipSpaces();
        in.expect(')', "')'");
        depth--;
        return inner;
    }

    /** {@code [valFilter]}; the scanner is at '['. */
    Filter readBracketed() {
        in.expect('[', "'['");
        enter();
        Filter inner = readValueFilter();
        in.skipSpaces();
        in.expect(']', "']'");
        depth--;
        return inner;
    }

    private Filter readComparison(AttrPath path, boolean inValuePath, int pathStart) {
        if (inValuePath && path.schemaUrn() != null) {
            throw in.error(pathStart, "attributes inside a value filter are sub-attribute names, without a schema URN");
        }
        if (inValuePath && path.subAttribute() != null) {
            throw in.error(pathStart, "attributes inside a value filter cannot have sub-attributes");
        }
        in.skipSpaces();
        int opStart = in.position();
        String opWord = in.readWord();
        if (opWord.equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        CompareOp op = operator(opWord, opStart);
        in.skipSpaces();
        JsonNode value = in.readLiteral();
        return new Filter.Compare(path, op, value);
    }

    private CompareOp operator(String word, int at) {
        if (!word.isEmpty()) {
            try {
                return CompareOp.valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // fall through to the error below
            }
        }
        String found = word.isEmpty() ? in.describeNext() : "'" + word + "'";
        throw in.error(at, "expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) but found " + found);
    }

    private boolean nextKeywordIs(String keyword) {
        in.skipSpaces();
        return in.peekWord().equalsIgnoreCase(keyword);
    }

    private void enter() {
        if (++depth > FilterParser.MAX_DEPTH) {
            throw in.error("filter nests deeper than " + FilterParser.MAX_DEPTH + " levels");
        }
    }
}
