package io.nsgflow.parse;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells, in raw UTF-8 bytes, where a flow-log record may start: an object whose first key is a
 * word that is not one of the keys of the objects nested inside a record ({@code Version},
 * {@code flows}, {@code rule}, {@code mac}, {@code flowTuples}, {@code aclID}, {@code flowGroups}),
 * so records in any key order, with keys Azure may add, are found. A brace, optional
 * whitespace, a quote, a word and a quote followed by a colon cannot occur inside a JSON string
 * (its quotes would be escaped), so a match is a structural position. Used to go on after bad
 * JSON ({@link ResumableInput#skipToRecordStart}) and by whatever splits one blob at record
 * starts, so that both agree on what a record start is.
 */
public final class RecordStart {
    /** Longest run of whitespace allowed between the tokens of a record start. */
    static final int MAX_GAP = 64;
    /** Longest first key looked for; Azure's record keys are under 20 characters. */
    static final int MAX_KEY = 64;
    /** Bytes from the brace that {@link #at} may need to decide. */
    public static final int LOOKAHEAD = 1 + MAX_GAP + 1 + MAX_KEY + 1 + MAX_GAP + 1;
    private static final Set<String> NESTED_KEYS = nestedKeys();

    /** What {@link #at} found. */
    public enum Match {
        /** A record starts at the brace. */
        YES,
        /** No record starts there. */
        NO,
        /** The bytes end before it can tell: give it {@link #LOOKAHEAD} bytes, or the rest of the input. */
        MORE
    }

    private RecordStart() {
    }

    /**
     * Whether a record starts at {@code buf[pos]}, looking no further than {@code end}.
     *
     * @param atEnd true when {@code end} is the end of the input, so that {@link Match#MORE} is never the answer
     */
    public static Match at(byte[] buf, int pos, int end, boolean atEnd) {
        if (buf[pos] != '{') {
            return Match.NO;
        }
        int quote = skipGap(buf, pos + 1, end);
        if (quote >= end) {
            return more(atEnd);
        }
        if (buf[quote] != '"') {
            return Match.NO;
        }
        int i = quote + 1;
        while (i < end && i - quote <= MAX_KEY && isWordByte(buf[i])) {
            i++;
        }
        if (i >= end) {
            return more(atEnd);
        }
        if (buf[i] != '"' || i == quote + 1) {
            return Match.NO;
        }
        int colon = skipGap(buf, i + 1, end);
        if (colon >= end) {
            return more(atEnd);
        }
        if (buf[colon] != ':') {
            return Match.NO;
        }
        return NESTED_KEYS.contains(new String(buf, quote + 1, i - quote - 1, StandardCharsets.US_ASCII)) ? Match.NO : Match.YES;
    }

    private static Match more(boolean atEnd) {
        return atEnd ? Match.NO : Match.MORE;
    }

    private static int skipGap(byte[] buf, int from, int end) {
        int i = from;
        while (i < end && i - from < MAX_GAP && isWhitespace(buf[i])) {
            i++;
        }
        return i;
    }

    private static boolean isWordByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_';
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static Set<String> nestedKeys() {
        Set<String> keys = new HashSet<>();
        for (FlowLogSchema s : FlowLogSchema.ALL) {
            for (FlowLogSchema.Level level : new FlowLogSchema.Level[] {s.entries, s.groups}) {
                keys.add(level.array());
                keys.add(level.nameField());
            }
            if (s.containerVersion != null) {
                keys.add(s.containerVersion);
            }
        }
        keys.add(FlowLogSchema.TUPLES);
        return Set.copyOf(keys);
    }
}
