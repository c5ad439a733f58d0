package dev.rollcall.identity;

/** A golden attribute that changed: old and new value (null when absent). */
public record AttributeChange(String attribute, String oldValue, String newValue) {
}
