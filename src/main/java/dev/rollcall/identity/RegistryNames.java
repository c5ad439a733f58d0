package dev.rollcall.identity;

import java.util.regex.Pattern;

/** The names of sources and tokens: safe in URLs, logs and the default token names ("name-2"). */
final class RegistryNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private RegistryNames() {
    }

    static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static IdentityException unknownSource(String name) {
        return IdentityException.notFound("no source named '" + name + "'");
    }
}
