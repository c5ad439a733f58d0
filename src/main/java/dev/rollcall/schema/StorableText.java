package dev.rollcall.schema;

import java.util.Locale;

/**
 * Which strings the database can keep as sent. Text columns are utf8mb4: every Unicode code point
 * fits, but a lone UTF-16 surrogate is no code point — the driver would write it as '?', so a later
 * real {@code x?y} would collide with it.
 */
public final class StorableText {
    /**
     * Width, in characters (code points), of the columns that hold keys: userName, externalId, the
     * worker id, a group's displayName, and the case-folded copies of userName and displayName.
     */
    public static final int KEY_LENGTH = 255;

    private StorableText() {
    }

    /** The case-folded copy stored for case-insensitive uniqueness and lookup; it can be longer ('İ' → "i̇"). */
    public static String folded(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Length as the database counts it: code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1 when it is valid Unicode. */
    public static int unpairedSurrogateAt(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
