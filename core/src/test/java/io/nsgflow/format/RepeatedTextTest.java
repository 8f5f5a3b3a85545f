package io.nsgflow.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text written again is copied from the bytes of the last time: the bytes are those spelt afresh, whatever the text and buffer. */
class RepeatedTextTest {
    private static final String[] PIECES = {"UserRule_Web", "a\"b", "tab\there", "\u00e9t\u00e9", "\u20ac", "\ud83d\ude00",
        "\ud800", "x\\y", "", "line\nbreak", "DefaultRule_DenyAllInBound"};

    @Test
    void repeatedStringsGiveTheBytesOfTheirFirstSpelling() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> pool = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(400); i++) { // up to more Strings than slots: slots are shared
                String s = PIECES[random.nextInt(PIECES.length)] + (random.nextBoolean() ? "" : Integer.toString(random.nextInt(50)));
                pool.add(random.nextInt(4) == 0 ? new String(s.toCharArray()) : s); // equal text, another String
            }
            int size = 8 + random.nextInt(200); // small buffers: spellings cut by drains
            ByteArrayOutputStream cached = new ByteArrayOutputStream();
            ByteArrayOutputStream fresh = new ByteArrayOutputStream();
            TextOut a = new TextOut(new ByteStreamWriter(cached), false, size);
            TextOut b = new TextOut(new ByteStreamWriter(fresh), false, size);
            RepeatedText texts = new RepeatedText(JsonValues::quoted);
            for (int i = 0; i < 2_000; i++) {
                String s = pool.get(random.nextInt(random.nextBoolean() ? Math.min(3, pool.size()) : pool.size()));
                CharSequence value = random.nextInt(10) == 0 ? new StringBuilder(s) : s;
                texts.append(a, value);
                JsonValues.quoted(b, value);
                a.append(',');
                b.append(',');
            }
            a.flush();
            b.flush();
            assertThat(cached.toByteArray()).as("round %d", round).isEqualTo(fresh.toByteArray());
        }
    }
}
