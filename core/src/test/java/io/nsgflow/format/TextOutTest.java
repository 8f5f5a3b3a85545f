package io.nsgflow.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TextOut encodes UTF-8 itself: its bytes must be the JDK encoder's for any text, appended in any
 * pieces, across buffer boundaries, to a byte stream or to a plain writer.
 */
class TextOutTest {
    /** Chars that exercise every branch: ASCII, two- and three-byte chars, surrogate pairs, lone halves. */
    private static final char[] ALPHABET = {'a', 'Z', '0', ',', '"', '\n', '\u00e9', '\u00ff', '\u07ff', '\u0800',
        '\u20ac', '\uffff', '\ud83d', '\ude00', '\ud800', '\udfff'};

    @Test
    void bytesEqualTheJdkEncodersForRandomTextInRandomPieces() throws Exception {
        Random random = new Random(16);
        for (int round = 0; round < 300; round++) {
            int size = 8 + random.nextInt(40); // small buffers: many drains inside pieces
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            ByteStreamWriter stream = new ByteStreamWriter(ours);
            StringWriter text = new StringWriter();
            TextOut direct = new TextOut(stream, false, size);
            TextOut decoded = new TextOut(text, false, size);
            ByteArrayOutputStream jdk = new ByteArrayOutputStream();
            Writer expected = new OutputStreamWriter(jdk, StandardCharsets.UTF_8);
            for (int piece = 0; piece < 30; piece++) {
                String s = randomText(random, random.nextInt(60));
                switch (random.nextInt(6)) {
                    case 0 -> each(s, direct, decoded);
                    case 1 -> {
                        direct.append(s);
                        decoded.append(s);
                    }
                    case 2 -> {
                        direct.append(new StringBuilder(s));
                        decoded.append(new StringBuilder(s));
                    }
                    case 3 -> {
                        direct.append(s.toCharArray(), 0, s.length());
                        decoded.append(s.toCharArray(), 0, s.length());
                    }
                    case 4 -> {
                        long n = random.nextLong() >> random.nextInt(64);
                        direct.append(n);
                        decoded.append(n);
                        s = Long.toString(n);
                    }
                    default -> { // a keyed number: ready bytes (a key, a separator), then digits
                        String key = ",\"k\u00e9\u20ac\":".substring(random.nextInt(8)); // whole chars: keys are
                        long n = random.nextInt(4) == 0 ? random.nextLong() : random.nextLong() >>> random.nextInt(64);
                        direct.appendEncoded(TextOut.encoded(key), n);
                        decoded.appendEncoded(TextOut.encoded(key), n);
                        s = key + n;
                    }
                }
                expected.write(s);
            }
            direct.append('.');
            decoded.append('.');
            expected.write('.'); // a lone high surrogate at the end is settled by what follows
            direct.flush();
            decoded.flush();
            expected.flush();
            assertThat(ours.toByteArray()).as("round %d", round).isEqualTo(jdk.toByteArray());
            assertThat(text.toString()).as("round %d", round).isEqualTo(jdk.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void numbersAreTheirDecimalTextAtEveryLength() {
        List<Long> values = new ArrayList<>(List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p *= 10) {
            values.addAll(List.of(p - 1, p, p + 1, -p, -(p - 1), 2 * p - 1));
        }
        StringWriter text = new StringWriter();
        TextOut out = new TextOut(text, false, 24); // a drain before most numbers
        StringBuilder expected = new StringBuilder();
        for (long v : values) {
            out.append(v).append(' ');
            expected.append(v).append(' ');
        }
        out.flush();
        assertThat(text.toString()).isEqualTo(expected.toString());
    }

    @Test
    void dottedQuadsAreTheirOctetsInDecimalWithEveryOctetInEveryPlace() {
        StringWriter text = new StringWriter();
        TextOut out = new TextOut(text, false, 40); // drains fall before, after and between addresses
        StringBuilder expected = new StringBuilder();
        Random random = new Random(16);
        for (int octet = 0; octet < 256; octet++) {
            for (int place = 0; place < 4; place++) {
                int v4 = random.nextInt() & ~(0xFF << place * 8) | octet << place * 8;
                String gap = random.nextBoolean() ? "," : ""; // addresses back to back, or apart
                out.appendDottedQuad(v4).append(gap);
                expected.append(v4 >>> 24).append('.').append(v4 >>> 16 & 0xFF).append('.')
                        .append(v4 >>> 8 & 0xFF).append('.').append(v4 & 0xFF).append(gap);
            }
        }
        out.flush();
        assertThat(text.toString()).isEqualTo(expected.toString());
    }

    @Test
    void textWrittenToTheWriterItselfComesBeforeTheRowsAfterIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteStreamWriter stream = new ByteStreamWriter(bytes);
        TextOut out = new TextOut(stream, false);
        stream.write("h\u00e9\n");
        out.append("row").endLine();
        out.flush();
        stream.write("again\n");
        out.append("row").endLine();
        out.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("h\u00e9\nrow\nagain\nrow\n");
    }

    private static void each(String s, TextOut a, TextOut b) {
        for (int i = 0; i < s.length(); i++) {
            a.append(s.charAt(i));
            b.append(s.charAt(i));
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
