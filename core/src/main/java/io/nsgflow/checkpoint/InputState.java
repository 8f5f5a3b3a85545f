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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import io.nsgflow.source.InputScope;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one input stands against a checkpoint: how far it was read, when, and what the next run
 * would read. The answer to "was every blob read?".
 *
 * @param id      the file's absolute path, or the blob's URL
 * @param hour    the blob's hour from its path, or null
 * @param size    its size now; null when it is gone
 * @param readTo  the end of the last complete record read (0 for a file never read)
 * @param unread  bytes not yet read: after {@code readTo} for an appended file (for one that has
 *                not changed, a record still being written or a cut, the closing brackets aside),
 *                the whole file when it is new or rewritten; null when it is gone or cannot be told (gzip)
 * @param state   {@code read} (nothing new), {@code appended}, {@code rewritten}, {@code new} (never read), {@code gone},
 *                {@code unknown} (a blob whose container could not be listed), {@code settled} (of an hour that can
 *                no longer change: not looked at, forgotten at the next run). A blob longer than it was is
 *                {@code appended}: whether the bytes before {@code readTo} are unchanged is checked as it is read
 * @param records flow-log records read from it, over all runs
 * @param readAt  when it was last read; null when never
 */
public record InputState(String id, String hour, Long size, long readTo, Long unread, String state, long records,
                         Instant readAt) {
    private static final long HOUR_MS = 3_600_000L;

    /**
     * Every input the checkpoint knows and every file or blob its inputs hold now in the hours the
     * next run would look at, by id.
     *
     * @param given    the checkpoint's inputs as the user gives them now (a blob URL with its SAS), or
     *                 empty for those the checkpoint names
     * @param unlisted told of an argument that cannot be listed now, with the reason
     */
    public static List<InputState> of(Checkpoint checkpoint, List<String> given, Clock clock, BiConsumer<String, String> unlisted) {
        Set<String> failed = new HashSet<>();
        InputScope scope = IncrementalRead.scope(InputScope.everything(), checkpoint.marks().values(), clock);
        long openSince = IncrementalRead.openSince(checkpoint.marks().values());
        List<String> arguments = given.isEmpty() ? checkpoint.arguments() : given;
        List<Input> now = Inputs.resolve(arguments, InputStream.nullInputStream(), scope, (path, reason) -> {
            failed.add(path);
            unlisted.accept(path, reason);
        }, (again, first) -> { }); // a file named twice is one state
        Map<String, Input> listed = new HashMap<>();
        for (Input input : now) {
            listed.put(input instanceof FileInput f ? IncrementalRead.id(f.path().toString()) : input.name(), input);
        }
        Map<String, InputState> states = new TreeMap<>();
        for (Mark m : checkpoint.marks().values()) {
            Long hour = m.hourStart();
            if (hour != null && hour + HOUR_MS <= openSince) {
                states.put(m.id(), new InputState(m.id(), m.hour(), null, m.offset(), null, "settled", m.records(), m.readAt()));
            } else if (m.etag() == null) {
                states.put(m.id(), of(m));
            } else {
                boolean unknown = failed.stream().anyMatch(url -> m.id().startsWith(url));
                states.put(m.id(), ofBlob(m, listed.get(m.id()), unknown));
            }
        }
        listed.forEach((id, input) -> {
            if (!states.containsKey(id)) {
                Long size = input instanceof FileInput f ? size(f.path()) : Long.valueOf(input.size());
                states.put(id, new InputState(id, input.meta().hour(), size, 0, size, "new", 0, null));
            }
        });
        return new ArrayList<>(states.values());
    }

    /** A blob against its listing now ({@code now} null when it was not listed). */
    private static InputState ofBlob(Mark m, Input now, boolean unknown) {
        if (now == null) {
            return new InputState(m.id(), m.hour(), null, m.offset(), null, unknown ? "unknown" : "gone", m.records(), m.readAt());
        }
        long size = now.size();
        String state;
        Long unread;
        if (BlobRead.unchanged(now, m)) {
            state = "read";
            unread = m.finished() ? 0L : m.pending();
        } else if (m.whole() || size < m.version().size()) {
            state = "rewritten";
            unread = m.whole() ? null : size;
        } else {
            state = "appended";
            unread = size - m.offset();
        }
        return new InputState(m.id(), m.hour(), size, m.offset(), unread, state, m.records(), m.readAt());
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
        if (n <= 0 || n > Mark.CLOSING_MAX) {
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
