package dev.rollcall.identity;

import java.text.Normalizer;
import java.util.Locale;

/** Case- and accent-folding of names and departments for comparison (José Núñez → jose nunez). */
public final class NameFolding {
    private NameFolding() {
    }

    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String folded = decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return folded.isEmpty() ? null : folded;
    }

    /** The letters only ("Mary-Jane" → "maryjane"), for building email local parts. */
    public static String letters(String s) {
        String f = fold(s);
        return f == null ? null : f.replace(" ", "");
    }
}
