package dev.rollcall.app;

/** A configuration or start-up problem the operator must fix; its message is shown as is. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
