package io.nsgflow.format;

/**
 * The bytes a writer last spelt for each of a few hundred Strings, so that a String written again
 * (the NSG, rule, MAC and resource names a record gives each of its hundreds of rows) is copied
 * in bulk instead of scanned for escapes and encoded char by char, which was 40% of
 * {@code flows -f ndjson}'s time. Keyed by content, as equal Strings are spelt the same bytes:
 * each record, and each rule group in it, brings its names as new String instances of the same
 * text, which a key by identity spelt again twice per group. A slot's String is checked by
 * identity first, then by equality, and an equal newcomer takes its place, so that the rows after
 * it match by identity. A String's bytes are kept from the second time it is seen, so that text
 * which never repeats costs a hash and a slot, not a copy. Slots go in pairs, the last String seen
 * first, so that two Strings that alternate row by row (TCP and UDP) keep their bytes even when
 * their hashes fall on one pair. The String copied last is checked before any hash: a column's
 * value is most often the row before's.
 */
final class RepeatedText {
    /** Slots for the Strings of any column. */
    static final int SLOTS = 512;
    /** Slots for one column's Strings: a few at a time (its record's names, its labels), and a small table stays in cache. */
    static final int COLUMN_SLOTS = 64;

    /** How a writer spells a String: quoted and escaped as its format wants. */
    interface Spelling {
        void spell(TextOut out, CharSequence s);
    }

    private final Spelling spelling;
    private final String[] strings;
    private final byte[][] bytes;
    /** The String last copied, and its bytes: a column's value repeats row after row, matched with no hash. */
    private String last;
    private byte[] lastBytes;

    RepeatedText(Spelling spelling) {
        this(spelling, SLOTS);
    }

    /** @param slots a power of two: few for one column's values, which are few at a time */
    RepeatedText(Spelling spelling, int slots) {
        this.spelling = spelling;
        this.strings = new String[slots];
        this.bytes = new byte[slots][];
    }

    /** Appends {@code s} spelt, copying the bytes of the last time when it was seen before. */
    void append(TextOut out, CharSequence s) {
        if (s == last) {
            out.appendEncoded(lastBytes);
            return;
        }
        if (!(s instanceof String text)) {
            spelling.spell(out, s); // a builder's text changes
            return;
        }
        int first = text.hashCode() & (strings.length - 2);
        int slot = holds(first, text) ? first : holds(first + 1, text) ? first + 1 : -1;
        if (slot < 0) { // the first of the pair moves to second, the new String comes first
            strings[first + 1] = strings[first];
            bytes[first + 1] = bytes[first];
            strings[first] = text;
            bytes[first] = null;
            spelling.spell(out, text);
            return;
        }
        byte[] spelt = bytes[slot];
        if (spelt != null) {
            out.appendEncoded(spelt);
            last = text;
            lastBytes = spelt;
            return;
        }
        long from = out.position();
        spelling.spell(out, text);
        bytes[slot] = out.since(from);
    }

    /** Whether {@code slot} holds {@code text}'s content; an equal String takes the slot, to match by identity next. */
    private boolean holds(int slot, String text) {
        String kept = strings[slot];
        if (kept == text) {
            return true;
        }
        if (kept == null || !kept.equals(text)) {
            return false;
        }
        strings[slot] = text;
        return true;
    }
}
