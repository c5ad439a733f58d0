package dev.rollcall.schema.filter;

/** A filter or path the parser cannot read; the message says where and why. */
public class FilterException extends RuntimeException {
    public FilterException(String message) {
        super(message);
    }
}
