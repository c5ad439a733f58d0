package dev.rollcall.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case- and accent-folding of names and departments for comparison (José Núñez → jose nunez). */
public final class NameFolding {
    // compiled once (String.replaceAll compiles its pattern on every call; a push folds a dozen names)
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameFolding() {
    }

    public static String fold(String s) {
        if (s == null) {
            return null;
        }
        String decomposed = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        String folded = NOT_LETTER_OR_DIGIT.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return folded.isEmpty() ? null : folded;
    }

    /** The letters only ("Mary-Jane" → "maryjane"), for building email local parts. */
    public static String letters(String s) {
        String f = fold(s);
        return f == null ? null : f.replace(" ", "");
    }
}
