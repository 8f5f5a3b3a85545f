package io.nsgflow.filter;

import java.util.regex.Pattern;

/**
 * A shell-style pattern, {@code *} for any run of characters and {@code ?} for one, matched
 * against the whole name and ignoring case (Azure upper-cases names in resource IDs).
 */
public final class Glob {
    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    public static Glob parse(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return new Glob(Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    /** False for null: a row without the name never matches a pattern for it. */
    public boolean matches(String name) {
        return name != null && pattern.matcher(name).matches();
    }
}
