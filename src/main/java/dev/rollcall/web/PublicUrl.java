package dev.rollcall.web;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The externally visible base URL that responses name resources by ({@code Location},
 * {@code meta.location}, {@code $ref}). It comes from configuration, never from the request's
 * {@code Host} header, which any client (or a poisoned cache in front of us) can set.
 */
public final class PublicUrl {
    private final Supplier<String> base;

    private PublicUrl(Supplier<String> base) {
        this.base = base;
    }

    /** A configured base such as {@code https://id.example.com/rollcall} (a trailing slash is dropped). */
    public static PublicUrl of(String base) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new PublicUrl(() -> b);
    }

    /** The listen address; the port is read when needed because port 0 is only known once bound. */
    public static PublicUrl listening(String host, IntSupplier port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return new PublicUrl(() -> "http://" + h + ":" + port.getAsInt());
    }

    /** The base without a trailing slash. */
    public String base() {
        return base.get();
    }

    /** The base followed by a path that starts with '/'. */
    public String resolve(String path) {
        return base() + path;
    }
}
