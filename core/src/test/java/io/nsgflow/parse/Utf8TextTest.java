package io.nsgflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every encoding JSON allows reads as the same UTF-8 text, and every offset in that text maps back
 * to the byte of the same character in the input (what messages give), read whole or a byte at a
 * time, the output taken in any pieces.
 */
class Utf8TextTest {
    /** ASCII mostly, as flow logs are, with characters of two, three and four UTF-8 bytes among it. */
    private static final String[] PIECES = {"{\"records\":[", "\"a\"", ",", "é", "☕", "😀", "ß", "x", " ", "\n"};

    @ParameterizedTest
    @CsvSource({"UTF-8, ''", "UTF-8, \uFEFF", "UTF-16LE, ''", "UTF-16LE, \uFEFF", "UTF-16BE, ''", "UTF-16BE, \uFEFF",
        "UTF-32LE, ''", "UTF-32BE, ''", "UTF-32BE, \uFEFF"})
    void everyEncodingReadsAsUtf8AndEveryOffsetMapsToItsCharactersInputByte(String charset, String bom) throws IOException {
        Random random = new Random(charset.hashCode() + bom.length());
        for (int round = 0; round < 50; round++) {
            StringBuilder text = new StringBuilder(bom).append('{');
            for (int i = random.nextInt(3000); i > 0; i--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] input = text.toString().getBytes(Charset.forName(charset));
            boolean throttled = round % 2 == 1;

            Utf8Text utf8 = new Utf8Text(throttled ? oneByteAtATime(input) : new ByteArrayInputStream(input), true);
            byte[] out = readInPieces(utf8, random);

            assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(text.toString());
            assertThat(utf8.transcoded()).isEqualTo(!charset.equals("UTF-8"));
            int utf8Offset = 0;
            int inputOffset = 0;
            for (int cp : text.codePoints().toArray()) {
                String c = Character.toString(cp);
                assertThat(utf8.inputOffset(utf8Offset)).as("offset of %s", c).isEqualTo(inputOffset);
                utf8Offset += c.getBytes(StandardCharsets.UTF_8).length;
                inputOffset += c.getBytes(Charset.forName(charset)).length;
            }
            assertThat(utf8.inputOffset(utf8Offset)).as("the end").isEqualTo(input.length);
        }
    }

    @org.junit.jupiter.api.Test
    void offsetsWithinTheWindowStillMapAfterMegabytesOfNonAsciiText() throws IOException {
        String text = "{" + "é".repeat(Utf8Text.WINDOW) + "x".repeat(1000) + "☕"; // 2 MiB of two-byte characters, then ASCII
        Utf8Text utf8 = new Utf8Text(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16LE)), true);
        long total = utf8.readAllBytes().length;

        assertThat(utf8.inputOffset(total)).isEqualTo(2L * text.length());
        assertThat(utf8.inputOffset(total - 3)).as("the last character").isEqualTo(2L * (text.length() - 1));
        assertThat(utf8.inputOffset(total - 3 - 1000)).as("the first x").isEqualTo(2L * (text.length() - 1001));
        assertThat(utf8.inputOffset(total - 3 - 1000 - 2 * 1000)).as("an é in the window").isEqualTo(2L * (text.length() - 2001));
    }

    @ParameterizedTest
    @CsvSource({"'00 7B 00', 7B EF BF BD", "'7B 00 00 D8 7D 00', 7B EF BF BD 7D", "'00 00 00 7B 00 11 00 00', 7B EF BF BD"})
    void aCodeUnitThatIsNoCharacterIsTheReplacementCharacter(String input, String expected) throws IOException {
        Utf8Text utf8 = new Utf8Text(new ByteArrayInputStream(hex(input)), true);
        assertThat(utf8.readAllBytes()).isEqualTo(hex(expected));
    }

    private static byte[] readInPieces(InputStream in, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] piece = new byte[64];
        for (int n; (n = in.read(piece, 0, 1 + random.nextInt(piece.length))) >= 0; ) {
            out.write(piece, 0, n);
        }
        return out.toByteArray();
    }

    private static InputStream oneByteAtATime(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    private static byte[] hex(String spaced) {
        String[] parts = spaced.trim().split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }
}
