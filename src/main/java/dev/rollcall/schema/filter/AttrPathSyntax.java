package dev.rollcall.schema.filter;

import java.util.regex.Pattern;

/**
 * Splits the text of an attribute path ({@code [urn ":"] attr ["." sub]}) into an {@link AttrPath}.
 * The URN is everything before the last ':' (URNs contain dots, as in "2.0", so dots are only
 * looked for after it).
 */
final class AttrPathSyntax {
    private static final Pattern ATTR_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|\\$ref");
    // The last segment of a schema URN is a version ("2.0", "1.0"): "urn:...:2.0:User" names a schema, not an attribute.
    private static final Pattern VERSION_SEGMENT = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private AttrPathSyntax() {
    }

    /**
     * @param text the path text, already cut at word boundaries
     * @param at   its position in the whole input, for error messages
     */
    static AttrPath parse(String text, int at) {
        if (text.isEmpty()) {
            throw new FilterException("attribute path expected at position " + at);
        }
        String urn = null;
        String rest = text;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            urn = text.substring(0, colon);
            rest = text.substring(colon + 1);
            checkUrn(urn, text, at);
            String lastUrnSegment = urn.substring(urn.lastIndexOf(':') + 1);
            if (VERSION_SEGMENT.matcher(lastUrnSegment).matches() && !rest.contains(".")) {
                throw new FilterException("'" + text + "' is a schema URN, not an attribute path, at position " + at);
            }
        }
        String attribute = rest;
        String sub = null;
        int dot = rest.indexOf('.');
        if (dot >= 0) {
            attribute = rest.substring(0, dot);
            sub = rest.substring(dot + 1);
            if (sub.contains(".")) {
                throw new FilterException("attribute path '" + text + "' has more than one sub-attribute level at position " + at);
            }
            checkName(sub, text, at);
        }
        checkName(attribute, text, at);
        return new AttrPath(urn, attribute, sub);
    }

    static void checkName(String name, String whole, int at) {
        if (!ATTR_NAME.matcher(name).matches()) {
            throw new FilterException("invalid attribute name '" + name + "' in '" + whole + "' at position " + at);
        }
    }

    private static void checkUrn(String urn, String whole, int at) {
        if (!urn.regionMatches(true, 0, "urn:", 0, 4) || urn.endsWith(":") || urn.contains("::")) {
            throw new FilterException("invalid schema URN in '" + whole + "' at position " + at);
        }
    }
}
