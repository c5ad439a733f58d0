package dev.rollcall.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of authority overrides in a configuration file, one rule a line:
 * {@code department = hris, idp} ({@code #} starts a comment). Lines keep their order.
 */
public final class AuthorityRulesText {
    private AuthorityRulesText() {
    }

    public static Map<String, List<SourceKind>> parse(String text) {
        Map<String, List<SourceKind>> rules = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'attribute = kind, kind', got: " + line);
            }
            String attr = line.substring(0, eq).strip();
            List<SourceKind> kinds = new ArrayList<>();
            for (String k : line.substring(eq + 1).split(",")) {
                try {
                    kinds.add(SourceKind.fromWireName(k.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
            if (rules.put(attr, kinds) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": attribute '" + attr + "' appears twice");
            }
        }
        return rules;
    }
}
