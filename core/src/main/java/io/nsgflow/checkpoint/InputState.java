package io.nsgflow.checkpoint;

import io.nsgflow.source.FileInput;
import io.nsgflow.source.FileVersion;
import io.nsgflow.source.Input;
import io.nsgflow.source.Inputs;
import io.nsgflow.source.LocalPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one input stands against a checkpoint: how far it was read, when, and what the next run
 * would read. The answer to "was every blob read?".
 *
 * @param id      the file's absolute path
 * @param hour    the blob's hour from its path, or null
 * @param size    its size now; null when it is gone
 * @param readTo  the end of the last complete record read (0 for a file never read)
 * @param unread  bytes not yet read: after {@code readTo} for an appended file (for one that has
 *                not changed, a record still being written or a cut, the closing brackets aside),
 *                the whole file when it is new or rewritten; null when it is gone or cannot be told (gzip)
 * @param state   {@code read} (nothing new), {@code appended}, {@code rewritten}, {@code new} (never read), {@code gone}
 * @param records flow-log records read from it, over all runs
 * @param readAt  when it was last read; null when never
 */
public record InputState(String id, String hour, Long size, long readTo, Long unread, String state, long records,
                         Instant readAt) {
    /** Longest run of closing brackets and whitespace after a blob's last record that counts as nothing unread. */
    private static final int CLOSING_MAX = 16;

    /** Every input the checkpoint knows and every file its inputs hold now, by path. */
    public static List<InputState> of(Checkpoint checkpoint) {
        Map<String, InputState> states = new TreeMap<>();
        for (Mark m : checkpoint.marks().values()) {
            states.put(m.id(), of(m));
        }
        List<Input> now = Inputs.resolve(checkpoint.arguments(), InputStream.nullInputStream(), (path, reason) -> { });
        for (Input input : now) {
            if (input instanceof FileInput f) {
                String id = IncrementalRead.id(f.path().toString());
                if (!states.containsKey(id)) {
                    Long size = size(f.path());
                    states.put(id, new InputState(id, f.meta().hour(), size, 0, size, "new", 0, null));
                }
            }
        }
        return new ArrayList<>(states.values());
    }

    private static InputState of(Mark m) {
        Path path = LocalPaths.of(m.id());
        FileVersion now;
        try {
            now = FileVersion.of(path);
        } catch (IOException e) {
            return new InputState(m.id(), m.hour(), null, m.offset(), null, "gone", m.records(), m.readAt());
        }
        String state;
        Long unread;
        if (now.sameAs(m.version())) {
            state = "read";
            unread = m.whole() ? 0L : pending(path, m.offset(), now.size());
        } else {
            String rewritten;
            try {
                rewritten = IncrementalRead.rewritten(path, m, now);
            } catch (IOException e) {
                rewritten = e.getMessage();
            }
            state = rewritten == null ? "appended" : "rewritten";
            unread = rewritten == null ? now.size() - m.offset() : m.whole() ? null : now.size();
        }
        return new InputState(m.id(), m.hour(), now.size(), m.offset(), unread, state, m.records(), m.readAt());
    }

    /** Bytes after the last complete record that hold more than the closing brackets: a record being written, or a cut. */
    private static long pending(Path path, long offset, long size) {
        long n = size - offset;
        if (n <= 0 || n > CLOSING_MAX) {
            return Math.max(0, n);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer tail = ByteBuffer.allocate((int) n);
            ch.read(tail, offset);
            for (byte b : tail.array()) {
                if (b != ']' && b != '}' && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return n;
                }
            }
            return 0;
        } catch (IOException e) {
            return n;
        }
    }

    private static Long size(Path path) {
        try {
            return FileVersion.of(path).size();
        } catch (IOException e) {
            return null;
        }
    }
}
