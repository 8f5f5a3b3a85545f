package io.nsgflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tuple bytes' path leaves the parser as Jackson would leave it: an array read with
 * {@link TupleBytesParser#addPlainTuples} before every token gives the same elements, the same
 * position, line, column, token and element count after each run of strings it took, and the
 * same end or the same error, as the array read by Jackson alone; and it takes the strings it
 * may take.
 */
class TupleBytesParserTest {
    /** What reading an array gave: its elements, the parser's state after each, and how it ended. */
    private record Reading(List<String> elements, Map<Integer, String> states, String end, int taken) {
    }

    /**
     * Reads the array that {@code json} starts with and what follows it, {@code chunk} bytes per
     * read. With {@code fast}, strings are taken by {@link TupleBytesParser#addPlainTuples}
     * before each token, and the state is noted after each run it took; else after each element.
     */
    private static Reading read(byte[] json, int chunk, boolean fast) throws IOException {
        JsonFactory factory = fast ? Json.FACTORY : Json.JACKSON_ONLY;
        RawRecord record = new RawRecord(1 << 20);
        List<String> elements = new ArrayList<>();
        Map<Integer, String> states = new TreeMap<>();
        String end;
        try (JsonParser p = factory.createParser(new Chunks(json, chunk))) {
            assertThat(p instanceof TupleBytesParser).isEqualTo(fast);
            try {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
                while (true) {
                    if (fast) {
                        int before = record.tupleCount();
                        ((TupleBytesParser) p).addPlainTuples(record);
                        for (int t = before; t < record.tupleCount(); t++) {
                            elements.add("\"" + TupleText.decode(record.bytes(), record.tupleStart(t), record.tupleLength(t)));
                        }
                        if (record.tupleCount() > before) {
                            states.put(elements.size(), state(p));
                        }
                    }
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        break;
                    }
                    elements.add(t == JsonToken.VALUE_STRING ? "\"" + p.getText() : t.name());
                    p.skipChildren();
                    if (!fast) {
                        states.put(elements.size(), state(p));
                    }
                }
                end = "end " + state(p) + ", then " + p.nextToken() + " " + state(p);
            } catch (JsonProcessingException e) {
                end = e.getOriginalMessage() + " at " + where(e.getLocation()) + "; parser " + state(p);
            }
        }
        return new Reading(elements, states, end, record.tupleCount());
    }

    private static String state(JsonParser p) {
        return p.currentToken() + " at " + where(p.currentLocation()) + " token at " + where(p.currentTokenLocation())
                + " entries " + p.getParsingContext().getEntryCount();
    }

    private static String where(JsonLocation l) {
        return l == null ? "?" : l.getByteOffset() + ":" + l.getLineNr() + ":" + l.getColumnNr();
    }

    /** Reads {@code json} both ways and checks they agree; returns what the tuple bytes' path read. */
    private static Reading assertSameAsJackson(String json, int chunk) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Reading jackson = read(bytes, chunk, false);
        Reading fast = read(bytes, chunk, true);
        assertThat(fast.elements()).as("elements of %s", json).isEqualTo(jackson.elements());
        assertThat(fast.end()).as("end of %s", json).isEqualTo(jackson.end());
        for (Map.Entry<Integer, String> state : fast.states().entrySet()) {
            assertThat(state.getValue()).as("state after %s elements of %s", state.getKey(), json)
                    .isEqualTo(jackson.states().get(state.getKey()));
        }
        return fast;
    }

    private static Reading assertSameAsJackson(String json) throws IOException {
        return assertSameAsJackson(json, Integer.MAX_VALUE);
    }

    @Test
    void plainStringsAreAllTaken() throws IOException {
        Reading r = assertSameAsJackson("[\"1715613720,203.0.113.5,10.0.2.5,40000,161,U,I,D,B,,,,\", \"a\",\"\" ,\t\"~ !#$%&'()*+,-./\"]");
        assertThat(r.taken()).isEqualTo(4);
        assertThat(r.states()).containsOnlyKeys(4);
    }

    @Test
    void linesAreCountedAsJacksonCountsThem() throws IOException {
        String reindented = "[\n  \"a\",\n  \"b\"\r\n  ,\r\"c\" ,\n\r\n\"d\"\n]\n";
        Reading r = assertSameAsJackson(reindented);
        assertThat(r.taken()).isEqualTo(4);
        assertThat(r.end()).contains(":8:"); // the closing bracket's line: \n, \n, \r\n, \r, \n, \r\n, \n before it
    }

    /** Each string Jackson must read itself: the ones before it are taken, it is not, the ones after it are. */
    @ParameterizedTest
    @ValueSource(strings = {"\"a\\\"b\"", "\"a\\\\b\"", "\"\\u0041\"", "\"a\\/b\"", "\"caf\u00e9\"", "\"\u20ac\"", "\"a\u007fb\"",
        "\"\uD83D\uDE00\""})
    void escapesAndNonAsciiAreLeftToJackson(String element) throws IOException {
        Reading r = assertSameAsJackson("[\"x\"," + element + ",\"y\",\"z\"]");
        assertThat(r.taken()).isEqualTo(3);
        assertThat(r.states()).containsOnlyKeys(1, 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "-2.5e3", "null", "true", "{}", "{\"a\":[\"b\"]}", "[]", "[\"b\",\"c\"]"})
    void otherElementsAreLeftToJackson(String element) throws IOException {
        Reading r = assertSameAsJackson("[\"x\", " + element + " ,\"y\"]");
        assertThat(r.taken()).isEqualTo(2);
        assertThat(r.states()).containsOnlyKeys(1, 3);
    }

    /** Bad JSON inside or after the plain strings: Jackson finds it, with its own words and position. */
    @ParameterizedTest
    @ValueSource(strings = {"[\"a\" \"b\"]", "[\"a\" x]", "[\"a\",]", "[,\"a\"]", "[\"a\",,\"b\"]", "[\"a\"", "[\"a\",", "[\"a",
        "[\"a\", \"b", "[\"a\"}", "[\"a\":1]", "[\"a\"\f,\"b\"]", "[\"a\",\u000b\"b\"]", "[\"a\", /* c */ \"b\"]", "[\"a\" # c\n]",
        "[\"a\tb\"]", "[\"a\nb\"]", "[\"a\u0000b\"]", "[\"a\"]]", "[\"a\"] x", "[\"a\"]\"b\"", "[\"a\",'b']", "[\"a\",\u00a0\"b\"]"})
    void badJsonIsJacksonsToReport(String json) throws IOException {
        assertSameAsJackson(json);
    }

    @Test
    void emptyArraysEndAsJacksonEndsThem() throws IOException {
        for (String json : new String[] {"[]", "[ ]", "[\n]", "[\r]", "[\r\n]"}) {
            assertThat(assertSameAsJackson(json).taken()).isZero();
        }
    }

    /** A string across the end of Jackson's buffer is Jackson's; the strings after it are taken again. */
    @Test
    void aStringAcrossTheBufferEndIsLeftToJackson() throws IOException {
        // reads of ["abc","de and fgh","ij", then "k"]: "abc" and "ij" are taken, "defgh" and "k" (its comma before the end) are not
        Reading r = assertSameAsJackson("[\"abc\",\"defgh\",\"ij\",\"k\"]", 10);
        assertThat(r.taken()).isEqualTo(2);
        assertThat(r.states()).containsOnlyKeys(1, 3);
        assertThat(r.elements()).containsExactly("\"abc", "\"defgh", "\"ij", "\"k");
    }

    /** A carriage return that ends the buffer: Jackson reads on to see whether a line feed follows. */
    @Test
    void aCarriageReturnAtTheBufferEndIsLeftToJackson() throws IOException {
        for (int chunk = 1; chunk <= 12; chunk++) {
            assertSameAsJackson("[\"a\",\r\n\"b\"\r,\"c\"\r\r\n]", chunk);
        }
    }

    /** Every byte value but the quote at every place in the words the closing quote is looked for in: taken only when plain. */
    @Test
    void everyByteAtEveryPlaceOfAWordIsJudgedAlone() throws IOException {
        for (int value = 0; value < 256; value++) {
            if (value == '"') {
                continue;
            }
            boolean plain = value >= 0x20 && value <= 0x7E && value != '\\';
            for (int at = 0; at < 17; at++) {
                byte[] string = ("\"" + "a".repeat(at) + "?" + "b".repeat(20 - at) + "\"").getBytes(StandardCharsets.ISO_8859_1);
                string[1 + at] = (byte) value;
                byte[] json = new byte[string.length + 2];
                json[0] = '[';
                System.arraycopy(string, 0, json, 1, string.length);
                json[json.length - 1] = ']';
                Reading jackson = read(json, Integer.MAX_VALUE, false);
                Reading fast = read(json, Integer.MAX_VALUE, true);
                assertThat(fast.end()).as("byte %s at %s", value, at).isEqualTo(jackson.end());
                assertThat(fast.elements()).as("byte %s at %s", value, at).isEqualTo(jackson.elements());
                assertThat(fast.taken()).as("byte %s at %s", value, at).isEqualTo(plain ? 1 : 0);
            }
        }
    }

    /** Whatever the reads' lengths, from one byte up, both ways agree. */
    @Property(tries = 300)
    void randomArraysReadAsJacksonReadsThem(@ForAll("arrays") String json, @ForAll @IntRange(min = 1, max = 40) int chunk)
            throws IOException {
        assertSameAsJackson(json, chunk);
        assertSameAsJackson(json, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<String> arrays() {
        Arbitrary<String> space = Arbitraries.of("", "", " ", "\n", "\r\n", "\r", "\t", "  \n  ", "\n\r", "\f");
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').excludeChars('"', '\\')
                .ofMaxLength(70).map(s -> "\"" + s + "\"");
        Arbitrary<String> odd = Arbitraries.of("\"a\\\"b\"", "\"\\u00e9\"", "\"\u00e9t\u00e9\"", "\"a\tb\"",
                "\"\u007f\"", "1", "null", "{\"k\":\"v\"}", "[\"n\"]", "\"", "x", ",", "]", "}", ":", "\"unclosed", "'s'", "/");
        Arbitrary<String> element = Arbitraries.frequencyOf(
                Tuple.of(8, plain), Tuple.of(1, odd));
        Arbitrary<String> separator = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(",")), Tuple.of(1, Arbitraries.of("", ",,", " ")));
        Arbitrary<String> entry = Combinators.combine(separator, space, element, space)
                .as((sep, before, e, after) -> sep + before + e + after);
        Arbitrary<String> ending = Arbitraries.of("]", "]", "]", "] ", "]\n", "", ",", "]]", "] \"x\"");
        return Combinators.combine(space, element, entry.list().ofMaxSize(30), ending)
                .as((lead, first, rest, end) -> "[" + lead + first + String.join("", rest) + end);
    }

    /** Every first few bytes Jackson's bootstrapper tells encodings by: the same parser kind, skip and first token or error. */
    @Test
    void theFactoryTellsEncodingsAsJacksonDoes() throws IOException {
        int[] values = {0x00, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF, '[', '"', ' ', 'a'};
        List<byte[]> heads = new ArrayList<>();
        heads.add(new byte[0]);
        for (int length = 1; length <= 4; length++) {
            int combinations = (int) Math.pow(values.length, length);
            for (int c = 0; c < combinations; c++) {
                byte[] head = new byte[length];
                for (int i = 0, rest = c; i < length; i++, rest /= values.length) {
                    head[i] = (byte) values[rest % values.length];
                }
                heads.add(head);
            }
        }
        for (byte[] head : heads) {
            for (String tail : new String[] {"", "[\"ab\"]", "\u0000[\u0000]"}) {
                byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
                byte[] input = new byte[head.length + tailBytes.length];
                System.arraycopy(head, 0, input, 0, head.length);
                System.arraycopy(tailBytes, 0, input, head.length, tailBytes.length);
                assertThat(firstTokens(Json.FACTORY, input)).as("input %s", HexFormat.of().formatHex(input))
                        .isEqualTo(firstTokens(Json.JACKSON_ONLY, input));
            }
        }
    }

    private static String firstTokens(JsonFactory factory, byte[] input) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (JsonParser p = factory.createParser((InputStream) new ByteArrayInputStream(input))) {
            sb.append(p instanceof TupleBytesParser || p.getClass().getSimpleName().startsWith("UTF8") ? "bytes" : "chars");
            for (int i = 0; i < 3; i++) {
                sb.append(' ').append(p.nextToken()).append(' ').append(where(p.currentLocation()));
            }
        } catch (IOException e) {
            sb.append(' ').append(e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        }
        return sb.toString();
    }
}
