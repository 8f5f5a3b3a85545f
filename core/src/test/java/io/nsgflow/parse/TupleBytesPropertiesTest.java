package io.nsgflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import io.nsgflow.diag.Diagnostics;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Issue 16: random flow logs, with every kind of element, whitespace and damage in and around
 * {@code flowTuples}, in every shape, read in random lengths (so that records and strings
 * straddle Jackson's buffer), with small records spilling or not, and ranges ending at random
 * record starts: the reader whose parser takes plain tuples from its input bytes gives the same
 * records (offsets, groups, tuples, problems), the same diagnostics, the same end and the same
 * stop as the reader with Jackson's parser alone.
 */
class TupleBytesPropertiesTest {
    private static final String[] SPACE = {"", "", "", " ", "\n", "\r\n", "\r", "\t", "\n    ", "\r\n\t\t"};
    /** flowTuples elements Jackson must read itself: escapes, non-ASCII, control characters, other types, bad JSON. */
    private static final String[] ODD = {"\"1715613720,10.0.0.1,10.0.0.\\u0032,1,2,T,I,A\"", "\"1715613720,10.0.0.1,10.0.0.2,1,2,T,I,A\\/\"",
        "\"1715613720,10.0.0.1,10.0.0.2,1,2,T,I,\u00c4\"", "\"caf\u00e9\"", "\"a\tb\"", "\"a\u007fb\"", "17", "null", "{\"x\":[\"y\"]}",
        "[\"1715613720,10.0.0.1,10.0.0.2,1,2,T,I,A\"]", "\"\\\"quoted\\\"\"", "\"\"", "\"\\u00e9\""};
    /** What may be written over a span of the text. */
    private static final String[] DEBRIS = {"\"", "}", "]", "]}", ",", ",,", ":", "x", "\\", "\u00e9", "\n", "\r", "{\"time\":\"t\"}", "nul"};

    @Property(tries = 200)
    void tuplesFromBytesReadAsJacksonReadsThem(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] input = log(random).getBytes(StandardCharsets.UTF_8);
        int chunk = random.nextBoolean() ? 1 + random.nextInt(200) : Integer.MAX_VALUE;
        int spillBytes = random.nextInt(4) == 0 ? 100 + random.nextInt(400) : RawRecord.DEFAULT_SPILL_BYTES;

        Read jackson = read(input, chunk, spillBytes, Json.JACKSON_ONLY, RecordReader.Start.BEGINNING);
        Read bytes = read(input, chunk, spillBytes, Json.FACTORY, RecordReader.Start.BEGINNING);
        assertThat(bytes).as("seed %s, input %s", seed, new String(input, StandardCharsets.UTF_8)).isEqualTo(jackson);

        Set<Long> laterRanges = new HashSet<>();
        for (long offset : jackson.offsets()) {
            if (random.nextInt(3) == 0) {
                laterRanges.add(offset);
            }
        }
        RecordReader.Start start = new RecordReader.Start(0, null, false, laterRanges::contains);
        assertThat(read(input, chunk, spillBytes, Json.FACTORY, start)).as("seed %s, ranges at %s", seed, laterRanges)
                .isEqualTo(read(input, chunk, spillBytes, Json.JACKSON_ONLY, start));
    }

    private record Read(List<String> records, List<Long> offsets, String stderr, RecordReader.End end, RecordReader.Stop stop) {
    }

    private static Read read(byte[] input, int chunk, int spillBytes, JsonFactory json, RecordReader.Start start) {
        StringWriter err = new StringWriter();
        List<String> records = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        RecordReader reader = new RecordReader(spillBytes, json);
        long count = reader.read(new Chunks(input, chunk), start, new Diagnostics(err, false).forInput("t"), r -> {
            records.add(describe(r));
            offsets.add(r.byteOffset());
        });
        assertThat(count).isGreaterThanOrEqualTo(records.size());
        return new Read(records, offsets, err.toString(), reader.end(), reader.stop());
    }

    private static String describe(RawRecord r) {
        StringBuilder sb = new StringBuilder().append(r.index()).append('@').append(r.byteOffset()).append(' ').append(r.time())
                .append(' ').append(r.nsgVersion()).append(' ').append(r.hasNsgFlows()).append(' ').append(r.problems())
                .append(' ').append(r.spilled());
        for (RawRecord.Group g : r.groups()) {
            sb.append(" [").append(g.rule()).append('|').append(g.mac()).append(':');
            for (int t = g.firstTuple(); t < g.endTuple(); t++) {
                r.load(t);
                sb.append(" <").append(TupleText.decode(r.bytes(), r.tupleStart(t), r.tupleLength(t))).append('>');
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /** A log of a few records in a random shape, perhaps damaged and cut short. */
    static String log(Random random) {
        List<String> records = new ArrayList<>();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            records.add(record(random, random.nextInt(8) != 0));
        }
        String text = switch (random.nextInt(4)) {
            case 0 -> "{\"records\":[" + String.join(",", records) + "]}";
            case 1 -> "{\n  \"records\": [\n" + String.join(",\n", records) + "\n  ]\n}\n";
            case 2 -> "[" + String.join(" , ", records) + "]";
            default -> String.join(random.nextBoolean() ? "\n" : "\r\n", records.stream().map(r -> r.replaceAll("[\r\n]", " ")).toList()) + "\n";
        };
        char[] chars = text.toCharArray();
        for (int d = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; d > 0; d--) {
            String debris = DEBRIS[random.nextInt(DEBRIS.length)];
            int at = random.nextInt(chars.length);
            for (int i = 0; i < debris.length() && at + i < chars.length; i++) {
                chars[at + i] = debris.charAt(i);
            }
        }
        text = new String(chars);
        return random.nextInt(5) == 0 ? text.substring(0, random.nextInt(text.length())) : text;
    }

    private static String record(Random random, boolean plain) {
        StringBuilder sb = new StringBuilder("{\"time\":\"2024-05-13T15:22:31Z\",\"category\":\"NetworkSecurityGroupFlowEvent\",")
                .append("\"properties\":{\"Version\":2,\"flows\":[");
        for (int rule = random.nextInt(3); rule >= 0; rule--) {
            sb.append("{\"rule\":\"R").append(rule).append("\",\"flows\":[{\"mac\":\"M\",\"flowTuples\":[");
            int tuples = random.nextInt(random.nextInt(5) == 0 ? 200 : 12);
            for (int t = 0; t < tuples; t++) {
                sb.append(space(random)).append(t > 0 ? "," : "").append(space(random));
                sb.append(plain || random.nextInt(6) != 0 ? tuple(random) : ODD[random.nextInt(ODD.length)]);
            }
            sb.append(space(random)).append("]}]}").append(rule > 0 ? "," : "");
        }
        return sb.append("]}}").toString();
    }

    private static String space(Random random) {
        return SPACE[random.nextInt(SPACE.length)];
    }

    private static String tuple(Random random) {
        return "\"" + (1715613720 + random.nextInt(3600)) + ",10.0." + random.nextInt(256) + "." + random.nextInt(256)
                + ",203.0.113." + random.nextInt(256) + "," + random.nextInt(65536) + "," + random.nextInt(1024) + ",T,I,A,B,"
                + random.nextInt(100) + "," + random.nextInt(100_000) + ",,\"";
    }
}
