package dev.rollcall.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging cursors: the last key a page showed, with a prefix naming the list it belongs to
 * (so a cursor of one list is refused by another). Clients only pass them back.
 */
public final class Cursors {
    private Cursors() {
    }

    public static String encode(String list, long lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + ":" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key in the cursor; null for no cursor; a 400 for one that is not ours. */
    public static Long decode(String list, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(list + ":")) {
                return Long.parseLong(text.substring(list.length() + 1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below (NumberFormatException is an IllegalArgumentException)
        }
        throw new AdminException(400, "'cursor' is not a cursor of this list; pass back the nextCursor of a previous page");
    }

    /** A cursor over a list keyed by text ids. */
    public static String encodeText(String list, String lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + ":" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    public static String decodeText(String list, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(list + ":") && text.length() > list.length() + 1) {
                return text.substring(list.length() + 1);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new AdminException(400, "'cursor' is not a cursor of this list; pass back the nextCursor of a previous page");
    }

    /** The page size: default when absent, else 1..max. */
    public static int limit(String text, int defaultLimit, int max) {
        if (text == null || text.isEmpty()) {
            return defaultLimit;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AdminException(400, "'limit' must be a whole number from 1 to " + max);
    }
}
