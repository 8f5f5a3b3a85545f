package io.nsgflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tuple text held as bytes comes back char for char, whatever chars Jackson handed: UTF-8 for
 * every character, and a lone surrogate (a JSON {@code \ud800} escape) kept as the code unit it
 * is, so that a message quoting a hostile tuple reads as it did when the text was chars.
 */
class TupleTextTest {
    /** ASCII mostly, as tuples are, with chars of two and three bytes, a surrogate pair, and lone surrogates of both halves. */
    private static final char[] ALPHABET = {'1', ',', '.', 'T', 'é', 'ß', '\u07ff', '\u0800', '☕', '\uffff',
        '\ud83d', '\ude00', '\ud800', '\udbff', '\udc00', '\udce9', '\udfff'};

    private static byte[] encode(char[] chars) {
        byte[] b = new byte[chars.length * TupleText.MAX_BYTES_PER_CHAR];
        return Arrays.copyOf(b, TupleText.encode(chars, 0, chars.length, b, 0));
    }

    private static char[] randomChars(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) ('0' + random.nextInt(10));
        }
        return chars;
    }

    @Test
    void everyStringOfCharsComesBackCharForCharAndItsStartCutWhereTheStringWouldBe() {
        Random random = new Random(16);
        for (int round = 0; round < 5000; round++) {
            char[] chars = randomChars(random, random.nextInt(60));
            byte[] bytes = encode(chars);
            String text = new String(chars);

            assertThat(TupleText.decode(bytes, 0, bytes.length)).as("round %d", round).isEqualTo(text);
            int cut = random.nextInt(chars.length + 2);
            assertThat(TupleText.decode(bytes, 0, bytes.length, cut)).as("round %d, cut at %d", round, cut)
                    .isEqualTo(new String(chars, 0, Math.min(cut, chars.length)));
        }
    }

    @Test
    void wellFormedTextIsItsUtf8AndALoneSurrogateItsOwnThreeBytes() {
        String text = "1715677210,café,☕,😀";
        assertThat(encode(text.toCharArray())).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(encode(new char[] {'a', '\ud800', 'b', '\udce9'}))
                .isEqualTo(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b', (byte) 0xED, (byte) 0xB3, (byte) 0xA9});
    }

    @Test
    void equalTextIsEqualBytesAndUnequalTextUnequalBytes() {
        Random random = new Random(17);
        for (int round = 0; round < 5000; round++) {
            char[] a = randomChars(random, random.nextInt(6));
            char[] b = random.nextBoolean() ? a.clone() : randomChars(random, random.nextInt(6));
            assertThat(Arrays.equals(encode(a), encode(b))).as("%s and %s", new String(a), new String(b)).isEqualTo(Arrays.equals(a, b));
        }
    }

    @Test
    void asciiIsWidenedAByteACharAndAnythingElseSaidSo() {
        byte[] out = new byte[8];
        assertThat(TupleText.widenAscii("x1,2.3".toCharArray(), 1, 5, out, 2)).isTrue();
        assertThat(new String(out, 2, 5, StandardCharsets.US_ASCII)).isEqualTo("1,2.3");
        assertThat(TupleText.widenAscii("1,é".toCharArray(), 0, 3, out, 0)).isFalse();
        assertThat(TupleText.widenAscii("1,\u0100".toCharArray(), 0, 3, out, 0)).as("a char whose low byte is ASCII").isFalse();
    }

    @Test
    void aByteThatStartsNoSequenceReadsAsTheReplacementCharacter() {
        byte[] b = {'a', (byte) 0x80, 'b', (byte) 0xC3, 'c', (byte) 0xE2, (byte) 0x98, (byte) 0xF8, (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
        assertThat(TupleText.decode(b, 0, b.length)).isEqualTo("a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFD\uFFFD");
    }
}
