package io.nsgflow.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.EOFException;
import java.io.IOException;
import java.util.function.LongUnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * How reading problems are worded: what a token is called, where in the input something happened
 * and why the JSON could not be read, in words a user can act on (never Jackson's own location or
 * internal wording). One place, so that the record stream and the schema reader say things alike.
 */
final class ReadMessages {
    /** A parser location inside Jackson's message: " (for Array starting at [Source: ...; line: 2, column: 15])". */
    private static final Pattern INNER_LOCATION = Pattern.compile(" \\(for \\w+ starting at \\[Source: [^\\]]*\\]\\)");

    private ReadMessages() {
    }

    /** How a token reads in a message. */
    static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    /**
     * "byte N", absolute, of the input's own bytes: given the offset of the parser's first byte and
     * how offsets in the bytes parsed map to the input's ({@link Utf8Text}); "character N" for text
     * Jackson decoded to characters itself (an encoding it refuses), whose byte offsets it does not know.
     */
    static String at(JsonLocation location, long base, LongUnaryOperator inputOffset) {
        if (location.getByteOffset() >= 0) {
            return "byte " + inputOffset.applyAsLong(base + location.getByteOffset());
        }
        return "character " + Math.max(0, location.getCharOffset());
    }

    /**
     * Why the JSON could not be read, with the record it was in.
     *
     * @param recordStart where the record being read starts, in {@code unit}s, or -1 between records
     */
    static String reason(JsonProcessingException e, long recordIndex, long recordStart, String unit, String overlong) {
        String record = "record " + recordIndex + ", which starts at " + unit + " " + recordStart;
        if (e instanceof StreamConstraintsException) {
            return (recordStart < 0 ? "input" : record + ",") + " exceeds a safety limit: " + clean(e);
        }
        if (truncated(e)) {
            return recordStart < 0 ? "input ends before the JSON is closed (file cut short?); every complete record was read"
                    : "input ends inside " + record + " (file cut short, or copied while Azure was still writing it?);"
                            + " that record is skipped";
        }
        String why = clean(e);
        if (overlong != null && why.startsWith("Invalid UTF-8")) {
            why = "invalid UTF-8: overlong encoding " + overlong + " (a character in more bytes than UTF-8 allows, to disguise it)";
        }
        return "malformed JSON" + (recordStart < 0 ? "" : " in " + record) + ": " + why;
    }

    /** Why a line of a one-record-per-line input could not be read. */
    static String lineReason(JsonProcessingException e, long recordIndex, long recordStart, String unit, String overlong) {
        return truncated(e) ? "the line ends inside a JSON value (record cut short?)" : reason(e, recordIndex, recordStart, unit, overlong);
    }

    /** True when the input ended inside a JSON value: Jackson says so with either exception type. */
    static boolean truncated(JsonProcessingException e) {
        return e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
    }

    /** A failure of the underlying read (a gzip stream cut short or corrupt, a disk error). */
    static String readFailure(IOException e) {
        if (e instanceof EOFException) {
            return "compressed data ends early (file cut short?)" + detail(e);
        }
        if (e instanceof ZipException) {
            return "compressed data is corrupt (" + e.getMessage() + ")";
        }
        return "read failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** Where in the compressed bytes, when the decompressor says. */
    private static String detail(IOException e) {
        String m = e.getMessage();
        int at = m == null ? -1 : m.indexOf("compressed byte ");
        return at < 0 ? "" : ": " + m.substring(at);
    }

    /**
     * Why an input that does not start as JSON was refused, in the user's terms rather than the
     * parser's ("was expecting (JSON String, Number, Array, Object or token 'null'...").
     */
    static String notJson(JsonProcessingException e) {
        String m = clean(e);
        if (m.startsWith("Unrecognized token '")) {
            String token = m.substring("Unrecognized token '".length(), Math.max(m.indexOf('\'', 20), 20));
            return "not JSON: it begins with '" + token + "' where a flow log begins with { or [ (a text file?)";
        }
        if (m.startsWith("Invalid UTF-8") || m.startsWith("Invalid UTF-16") || m.startsWith("Invalid UTF-32")) {
            return "not JSON: the bytes are not UTF-8 or UTF-16 text (a binary file, or compressed other than gzip?)";
        }
        if (m.startsWith("Unexpected character ('")) {
            return "not JSON: it begins with '" + m.charAt("Unexpected character ('".length())
                    + "' where a flow log begins with { or [";
        }
        int expecting = m.indexOf(": was expecting");
        return "not JSON (" + (expecting > 0 ? m.substring(0, expecting) : m) + ")";
    }

    /**
     * Jackson's message without its source and locations, which we print our own way: a location
     * inside the message ("for Array starting at [Source: ...; line: 2, column: 15]") counts from
     * where the parser began, which is a byte range's start when a file is read in ranges, so
     * keeping it would make the same damage read differently at another thread count or on Spark.
     */
    static String clean(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int cut = m.indexOf(" (start marker at");
        if (cut > 0) {
            m = m.substring(0, cut);
        }
        m = INNER_LOCATION.matcher(m).replaceAll("");
        return m.replace('\n', ' ').replace('\r', ' ').trim();
    }
}
