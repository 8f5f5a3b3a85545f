package io.nsgflow.diag;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything nsgflow prints: SAS signatures, account keys, bearer tokens and
 * shared-key signatures are replaced by {@code REDACTED}, by their shape and, for the secrets
 * nsgflow itself was given, by their exact text. Every stderr line and stack trace passes here.
 */
public final class Redaction {
    public static final String MASK = "REDACTED";

    /** {@code sig=...} in a SAS query, {@code AccountKey=...} and {@code SharedAccessSignature=...} in a connection string, bearer tokens, shared-key headers. */
    private static final Pattern SHAPES = Pattern.compile(
            "(?i)((?:[?&;]|\\b)sig=)[^&;\\s\"'<>]+"
                    + "|(AccountKey=)[^;\\s\"'<>]+"
                    + "|(SharedAccessSignature=)[^;\\s\"'<>]+"
                    + "|(Bearer )[A-Za-z0-9._~+/=-]+"
                    + "|(SharedKey(?:Lite)? [^:\\s]+:)[A-Za-z0-9+/=]+");

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Redaction() {
    }

    /** Remembers a secret this process holds (a key, a SAS token), so that it is masked wherever it appears. */
    public static void remember(String secret) {
        if (secret != null && secret.length() >= 8) {
            KNOWN.add(secret);
        }
    }

    /** {@code text} with every secret masked. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : KNOWN) {
            out = out.replace(secret, MASK);
        }
        Matcher m = SHAPES.matcher(out);
        if (!m.find()) {
            return out;
        }
        StringBuilder sb = new StringBuilder();
        do {
            String kept = null;
            for (int g = 1; g <= m.groupCount() && kept == null; g++) {
                kept = m.group(g);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(kept + MASK));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
