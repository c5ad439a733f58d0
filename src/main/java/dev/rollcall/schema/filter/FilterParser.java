package dev.rollcall.schema.filter;

/**
 * Parses SCIM filters (RFC 7644 §3.4.2.2), PATCH paths (§3.5.2) and plain attribute paths
 * (sortBy, attributes, excludedAttributes). Pure functions; every failure is a
 * {@link FilterException} whose message says what was expected and at which 0-based position.
 * Operators and the keywords {@code and}, {@code or}, {@code not} are case-insensitive as the RFC
 * asks; {@code true}/{@code false}/{@code null} are accepted in any case too.
 */
public final class FilterParser {
    /** Longest filter accepted; real clients send a few hundred characters at most. */
    public static final int MAX_LENGTH = 8192;
    /** Deepest nesting of parentheses, {@code not} and brackets: bounds the parser's recursion. */
    public static final int MAX_DEPTH = 32;
    /** Most attribute expressions in one filter: bounds the size of the SQL it compiles to. */
    public static final int MAX_EXPRESSIONS = 200;

    private FilterParser() {
    }

    public static Filter parse(String filter) {
        FilterScanner in = scanner(filter, "filter");
        return new FilterReader(in).readFilter();
    }

    /**
     * A PATCH path: {@code attrPath}, {@code attrPath[valFilter]} or {@code attrPath[valFilter].sub}.
     * A bare schema URN is not a path (no-path operations carry URNs as value keys instead).
     */
    public static PatchPath parsePatchPath(String path) {
        FilterScanner in = scanner(path, "path");
        in.skipSpaces();
        int start = in.position();
        AttrPath attr = AttrPathSyntax.parse(in.readWord(), start);
        Filter valueFilter = null;
        String sub = null;
        if (in.peek() == '[') {
            if (attr.subAttribute() != null) {
                throw in.error("a value filter applies to a multi-valued attribute, not to sub-attribute '" + attr + "'");
            }
            valueFilter = new FilterReader(in).readBracketed();
            if (in.tryConsume('.')) {
                int subStart = in.position();
                sub = in.readWord();
                AttrPathSyntax.checkName(sub, path, subStart);
            }
        }
        in.skipSpaces();
        if (!in.atEnd()) {
            throw in.error("unexpected " + in.describeNext() + " in path");
        }
        return new PatchPath(attr, valueFilter, sub);
    }

    /** {@code [urn:]attr[.sub]} alone, as in sortBy or attributes lists. */
    public static AttrPath parseAttrPath(String path) {
        FilterScanner in = scanner(path, "attribute path");
        in.skipSpaces();
        int start = in.position();
        AttrPath attr = AttrPathSyntax.parse(in.readWord(), start);
        in.skipSpaces();
        if (!in.atEnd()) {
            throw in.error("unexpected " + in.describeNext() + " in attribute path");
        }
        return attr;
    }

    private static FilterScanner scanner(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new FilterException("empty " + what);
        }
        if (text.length() > MAX_LENGTH) {
            throw new FilterException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        return new FilterScanner(text);
    }
}
