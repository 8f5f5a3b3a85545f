package io.nsgflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The ASCII test reads eight bytes at a time and the rest one by one: an overlong sequence is found
 * at every position of a buffer and of a slice of it, in the eight-byte part as in the tail, and
 * across the end of one buffer and the start of the next.
 */
class Utf8OverlongTest {
    private static final byte[] ASCII = "{\"records\":[{\"time\":\"2026-12-01T00:00:00Z\"}]}".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anAsciiBufferIsLeftAsItIs() {
        byte[] b = ASCII.clone();
        Utf8Overlong overlong = new Utf8Overlong();
        overlong.check(b, 0, b.length);
        assertThat(b).isEqualTo(ASCII);
        assertThat(overlong.take()).isNull();
    }

    @Test
    void anOverlongSlashIsFoundAtEveryPositionOfABufferAndOfASliceOfIt() {
        for (int off : new int[] {0, 3}) {
            for (int i = off; i + 1 < ASCII.length; i++) {
                byte[] b = ASCII.clone();
                b[i] = (byte) 0xc0;
                b[i + 1] = (byte) 0xaf;
                Utf8Overlong overlong = new Utf8Overlong();
                overlong.check(b, 0, 1); // the first bytes decide that the input is UTF-8
                overlong.check(b, off == 0 ? 1 : off, b.length - (off == 0 ? 1 : off));
                if (i == 0) {
                    continue; // checked already by the first call
                }
                assertThat(b[i]).as("offset %d, lead at %d", off, i).isEqualTo((byte) 0xff);
                assertThat(overlong.take()).isEqualTo("C0 AF");
                assertThat(Arrays.copyOfRange(b, i + 2, b.length)).isEqualTo(Arrays.copyOfRange(ASCII, i + 2, ASCII.length));
            }
        }
    }

    @Test
    void aLeadAtTheEndOfOneBufferIsJudgedByTheFirstByteOfTheNext() {
        for (int cut = 9; cut < 20; cut++) {
            byte[] first = Arrays.copyOf(ASCII, cut);
            first[cut - 1] = (byte) 0xe0;
            byte[] second = ASCII.clone();
            second[0] = (byte) 0x80;
            Utf8Overlong overlong = new Utf8Overlong();
            overlong.check(first, 0, first.length);
            overlong.check(second, 0, second.length);
            assertThat(second[0]).isEqualTo((byte) 0xff);
            assertThat(overlong.take()).isEqualTo("E0 80");
        }
    }

    @Test
    void aByteAboveSevenFThatStartsNoOverlongSequenceIsKept() {
        byte[] b = "{\"a\":\"caf\u00e9 \u2615\"}".getBytes(StandardCharsets.UTF_8);
        byte[] before = b.clone();
        Utf8Overlong overlong = new Utf8Overlong();
        overlong.check(b, 0, b.length);
        assertThat(b).isEqualTo(before);
        assertThat(overlong.take()).isNull();
    }
}
