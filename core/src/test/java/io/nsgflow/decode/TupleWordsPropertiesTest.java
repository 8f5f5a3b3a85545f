package io.nsgflow.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.hostile.GeneratedLog;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.LogFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fast path ({@link TupleWords}) changes nothing but speed. For random valid tuples of every
 * format (those of {@link GeneratedLog}) and random damage to them, wherever the tuple lies in its
 * array and whatever bytes surround it, the decoders give the same row, or the same message, as
 * their checked path alone. Seeds drive the damage, so a failure names the seed that reproduces it.
 */
class TupleWordsPropertiesTest {
    /** Where the tuple lies: alone in its array, at its start or end, or between other bytes. */
    enum Placement { ALONE, START, END, MIDDLE }

    /** Bytes put around the tuple: its own kinds of bytes, and others, so that none may leak into its answer. */
    private static final byte[] AROUND = ",,,.0123456789TUIOADBCEX\"'-é".getBytes(StandardCharsets.UTF_8);
    private static final String[] OUT_OF_RANGE = {
        "256", "65536", "4294967296", "253402300800", "253402300799999", "253402300800000", "281474976710656",
        "9223372036854775808", "99999999999999999999", "1.2.3.256", "1.2.3.4.5", "01.2.3.4", "1.2.3", "::ffff:1.2.3.4", "0"
    };
    private static final String NOT_DIGITS = "x-+ :./é東\u0000TUB";

    @Property(tries = 3000)
    void sameAnswerAsTheCheckedPath(@ForAll long seed, @ForAll LogFormat format, @ForAll Placement placement,
                                    @ForAll @IntRange(min = 0, max = 3) int damages) {
        Random random = new Random(seed);
        String tuple = GeneratedLog.tuple(random, format).text();
        for (int d = 0; d < damages; d++) {
            tuple = damage(random, tuple);
        }
        byte[] text = tuple.getBytes(StandardCharsets.UTF_8);
        int before = placement == Placement.END || placement == Placement.MIDDLE ? random.nextInt(200) : 0;
        int after = placement == Placement.START || placement == Placement.MIDDLE ? random.nextInt(300) : 0; // read in place from 128 on
        byte[] buf = new byte[before + text.length + after];
        FlowRow fastRow = new FlowRow();
        FlowRow checkedRow = new FlowRow();
        for (int i = 0; i < buf.length; i++) {
            buf[i] = AROUND[random.nextInt(AROUND.length)];
        }
        if (random.nextBoolean()) {
            // what follows is the rest of another tuple, as in a record's buffer: valid fields a cut tuple could borrow
            byte[] next = GeneratedLog.tuple(random, format).text().getBytes(StandardCharsets.UTF_8);
            int from = random.nextInt(next.length);
            System.arraycopy(next, from, buf, before + text.length, Math.min(after, next.length - from));
        }
        System.arraycopy(text, 0, buf, before, text.length);

        TupleDecoder decoder = decoder(format);
        String fast = answer(() -> decoder.decode(buf, before, text.length, fastRow), fastRow);
        String checked = answer(() -> checkedOnly(decoder, buf, before, text.length, checkedRow), checkedRow);

        assertThat(fast).as("tuple %s, %d bytes before, %d after", tuple, before, after).isEqualTo(checked);
    }

    /** The usual tuples, those with IPv4 addresses, do take the fast path, in every format. */
    @Property(tries = 300)
    void usualTuplesTakeTheFastPath(@ForAll long seed, @ForAll LogFormat format) {
        Random random = new Random(seed);
        GeneratedLog.Tuple tuple;
        do {
            tuple = GeneratedLog.tuple(random, format);
        } while (tuple.text().contains(":"));
        byte[] buf = tuple.text().getBytes(StandardCharsets.US_ASCII);
        FlowRow row = new FlowRow();
        TupleWords words = new TupleWords();

        boolean fast = format == LogFormat.VNET ? words.vnet(buf, 0, buf.length, row)
                : words.nsg(buf, 0, buf.length, format == LogFormat.NSG_V2, row);

        assertThat(fast).as(tuple.text()).isTrue();
        assertThat(tuple.matches(row)).as("%s decoded as %s", tuple.text(), GeneratedLog.describe(row)).isTrue();
    }

    /** A tuple cut in its letters, followed by the letters and counters it lacks: the bytes after it must not complete it. */
    @Test
    void aCutTupleIsNotCompletedByTheBytesAfterIt() {
        String tuple = "1542110377,10.0.0.4,13.67.143.118,59831,443,T";
        byte[] buf = (tuple + ",O,A,C,1,2,3,4" + "0".repeat(200)).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new NsgTupleDecoder(2).decode(buf, 0, tuple.length(), new FlowRow()))
                .hasMessage("NSG v2 tuple needs 13 fields, found 6");
        assertThat(new TupleWords().nsg(buf, 0, tuple.length(), true, new FlowRow())).isFalse();
    }

    /** A decoding into {@code row}. */
    private interface Decoding {
        void run() throws TupleException;
    }

    /** The row a decoding gave, or its message. */
    private static String answer(Decoding decoding, FlowRow row) {
        try {
            decoding.run();
            return GeneratedLog.describe(row);
        } catch (TupleException e) {
            return "error: " + e.getMessage();
        }
    }

    private static void checkedOnly(TupleDecoder decoder, byte[] buf, int off, int len, FlowRow row) throws TupleException {
        if (decoder instanceof NsgTupleDecoder nsg) {
            nsg.decodeChecked(buf, off, len, row);
        } else {
            ((VnetTupleDecoder) decoder).decodeChecked(buf, off, len, row);
        }
    }

    private static TupleDecoder decoder(LogFormat format) {
        return switch (format) {
            case NSG_V1 -> new NsgTupleDecoder(1);
            case NSG_V2 -> new NsgTupleDecoder(2);
            case VNET -> new VnetTupleDecoder();
        };
    }

    /** One random change to one field, or to the tuple's commas or length. */
    static String damage(Random random, String tuple) {
        List<String> fields = new ArrayList<>(Arrays.asList(tuple.split(",", -1)));
        int f = random.nextInt(fields.size());
        String field = fields.get(f);
        switch (random.nextInt(14)) {
            case 0 -> fields.set(f, "");
            case 1 -> fields.set(f, field + digits(random, 1 + random.nextInt(12)));
            case 2 -> fields.set(f, "0".repeat(1 + random.nextInt(20)) + field);
            case 3 -> fields.set(f, insert(random, field, String.valueOf(NOT_DIGITS.charAt(random.nextInt(NOT_DIGITS.length())))));
            case 4 -> fields.set(f, OUT_OF_RANGE[random.nextInt(OUT_OF_RANGE.length)]);
            case 5 -> fields.set(f, insert(random, field, ","));
            case 6 -> {
                if (f + 1 < fields.size()) {
                    fields.set(f, field + fields.remove(f + 1)); // a comma missing
                }
            }
            case 7, 11, 12, 13 -> fields.set(f, octet(random, field));
            case 8 -> fields.set(f, String.valueOf("TUIOADBCEXN6".charAt(random.nextInt(12))));
            case 9 -> {
                return tuple.substring(0, random.nextInt(tuple.length() + 1));
            }
            default -> fields.set(f, digits(random, 1 + random.nextInt(20)));
        }
        return String.join(",", fields);
    }

    /** One octet of an address changed (other fields are left as they are): to a value up to 999, one at an edge, a leading zero, none, or a dot more or less. */
    private static String octet(Random random, String field) {
        String[] octets = field.split("\\.", -1);
        if (octets.length != 4) {
            return field;
        }
        int o = random.nextInt(4);
        octets[o] = switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(1000));
            case 1 -> new String[] {"0", "9", "10", "99", "100", "199", "200", "249", "250", "255", "256", "300", "999"}[random.nextInt(13)];
            case 2 -> "0" + octets[o];
            case 3 -> "";
            case 4 -> octets[o] + "." + random.nextInt(256);
            default -> octets[o] + digits(random, 1);
        };
        return String.join(".", octets);
    }

    private static String insert(Random random, String field, String text) {
        int at = random.nextInt(field.length() + 1);
        return field.substring(0, at) + text + field.substring(at);
    }

    private static String digits(Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
