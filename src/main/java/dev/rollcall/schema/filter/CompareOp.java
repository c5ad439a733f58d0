package dev.rollcall.schema.filter;

/** The attribute operators of RFC 7644 §3.4.2.2 other than {@code pr}. */
public enum CompareOp {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE
}
