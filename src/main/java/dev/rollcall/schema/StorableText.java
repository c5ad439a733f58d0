package dev.rollcall.schema;

/**
 * Which strings the database can keep as sent. Text columns are utf8mb4: every Unicode code point
 * fits, but a lone UTF-16 surrogate is no code point — the driver would write it as '?', so a later
 * real {@code x?y} would collide with it.
 */
public final class StorableText {
    private StorableText() {
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
