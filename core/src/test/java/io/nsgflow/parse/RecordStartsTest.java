package io.nsgflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RecordStarts#nearEnd}: where a read that only wants an input's last records begins. */
class RecordStartsTest {
    private static final int WINDOW = 1_000;

    /** An envelope of {@code count} records of about {@code size} bytes each; the records' offsets are added to {@code starts}. */
    private static byte[] envelope(int count, int size, List<Long> starts) {
        StringBuilder s = new StringBuilder("{\"records\":[");
        for (int i = 0; i < count; i++) {
            s.append(i > 0 ? "," : "");
            starts.add((long) s.length());
            s.append("{\"time\":\"2024-05-13T15:02:31Z\",\"pad\":\"").append("x".repeat(size)).append("\"}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static long nearEnd(byte[] bytes) throws IOException {
        return RecordStarts.nearEnd(at -> new ByteArrayInputStream(bytes, (int) at, bytes.length - (int) at), bytes.length, WINDOW);
    }

    @Test
    void isTheFirstRecordStartInTheLastWindow() throws IOException {
        List<Long> starts = new ArrayList<>();
        byte[] bytes = envelope(100, 300, starts);
        long start = nearEnd(bytes);
        long expected = starts.stream().filter(s -> s >= bytes.length - WINDOW).findFirst().orElseThrow();
        assertThat(start).isEqualTo(expected).isGreaterThan(bytes.length - WINDOW);
    }

    @Test
    void isZeroWhenReadingWholeIsAsCheapOrTheEndHoldsNoStart() throws IOException {
        assertThat(nearEnd(envelope(10, 300, new ArrayList<>()))).as("shorter than four windows").isZero();
        assertThat(nearEnd(envelope(3, 3_000, new ArrayList<>()))).as("a record longer than the window at the end").isZero();
        byte[] array = ("[" + "{\"time\":\"2024-05-13T15:02:31Z\"},".repeat(200) + "{}]").getBytes(StandardCharsets.US_ASCII);
        assertThat(nearEnd(array)).as("not Azure's envelope").isZero();
    }
}
