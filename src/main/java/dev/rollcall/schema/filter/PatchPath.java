package dev.rollcall.schema.filter;

/**
 * A PATCH operation path (RFC 7644 §3.5.2 PATH): an attribute path, optionally narrowed by a value
 * filter and optionally followed by a sub-attribute, e.g. {@code emails[type eq "work"].value}.
 *
 * @param attr        the attribute (may itself carry a sub-attribute when there is no filter: {@code name.givenName})
 * @param valueFilter the filter inside brackets, or null
 * @param subAttribute the sub-attribute after the brackets, or null
 */
public record PatchPath(AttrPath attr, Filter valueFilter, String subAttribute) {
}
