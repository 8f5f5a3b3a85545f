package io.nsgflow.checkpoint;

import io.nsgflow.format.OutputException;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.source.FileInput;
import io.nsgflow.source.FileVersion;
import io.nsgflow.source.Input;
import io.nsgflow.source.LocalPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * One run against a checkpoint: decides, for each input, whether it is unchanged (not read at
 * all), appended to (read from the end of the last complete record), new, or rewritten (read from
 * the start, with a warning); learns how far each input was read; and saves the new state.
 *
 * <p>Only a file's size and modification time are read for an unchanged file, so a poll costs a
 * {@code stat} per file plus the reading of the files that changed. A file that has vanished is
 * forgotten; so the checkpoint holds no more entries than the inputs have files.
 */
public final class IncrementalRead implements ReadListener {
    private final CheckpointFile file;
    private final String command;
    private final List<String> arguments;
    private final Clock clock;
    private final BiConsumer<String, String> warn;
    private final Map<String, Mark> marks;
    /** The versions seen when planning, by id: what a mark records once the input is read. */
    private final Map<String, FileVersion> planned = new HashMap<>();
    private final boolean resumed;
    private Checkpoint.Connections connections;

    private IncrementalRead(CheckpointFile file, String command, List<String> arguments, Checkpoint previous, Clock clock,
            BiConsumer<String, String> warn) {
        this.file = file;
        this.command = command;
        this.arguments = arguments;
        this.clock = clock;
        this.warn = warn;
        this.marks = previous == null ? new TreeMap<>() : new TreeMap<>(previous.marks());
        this.connections = previous == null ? Checkpoint.Connections.NONE : previous.connections();
        this.resumed = previous != null;
    }

    /**
     * Loads the checkpoint for a run of {@code command} over {@code paths} (as the user typed them).
     *
     * @param warn told of each input read again from the start, with the reason
     * @throws CheckpointException when the checkpoint is corrupt, newer, or written for another job
     */
    public static IncrementalRead open(Path checkpoint, String command, List<String> paths, Clock clock,
            BiConsumer<String, String> warn) {
        List<String> arguments = arguments(paths);
        CheckpointFile file = new CheckpointFile(checkpoint);
        Checkpoint previous = file.read();
        if (previous != null && !previous.sameJob(command, arguments)) {
            throw new CheckpointException(checkpoint + ": checkpoint was written by '" + previous.command() + "' for "
                    + previous.arguments() + ", not by '" + command + "' for " + arguments
                    + "; give each job its own checkpoint file");
        }
        return new IncrementalRead(file, command, arguments, previous, clock, warn);
    }

    /** A run that remembers only in memory, between the polls of one {@code follow}: nothing is saved. */
    public static IncrementalRead inMemory(List<String> paths, Clock clock, BiConsumer<String, String> warn) {
        return new IncrementalRead(null, "follow", arguments(paths), null, clock, warn);
    }

    /** Whether an earlier run's state was loaded. */
    public boolean resumed() {
        return resumed;
    }

    /** The inputs a checkpoint is for: the user's paths, absolute, sorted. Standard input has no place to resume. */
    private static List<String> arguments(List<String> paths) {
        if (paths.isEmpty() || paths.contains("-")) {
            throw new CheckpointException("standard input cannot be read incrementally: name the files or folders to read");
        }
        return paths.stream().map(IncrementalRead::id).sorted().distinct().toList();
    }

    /** An input's identity in the checkpoint: its absolute, normalised path. */
    static String id(String path) {
        return LocalPaths.name(LocalPaths.of(path).toAbsolutePath().normalize());
    }

    /** The inputs to read and from where: unchanged ones left out, appended ones resumed. Forgets vanished files. */
    public List<Input> plan(List<Input> inputs) {
        List<Input> toRead = new ArrayList<>(inputs.size());
        Set<String> seen = new HashSet<>();
        for (Input input : inputs) {
            if (!(input instanceof FileInput f)) {
                throw new CheckpointException(input.name() + ": only local files and folders can be read incrementally");
            }
            String id = id(f.path().toString());
            seen.add(id);
            Input next = plan(f, id);
            if (next != null) {
                toRead.add(next);
            }
        }
        marks.keySet().removeIf(id -> !seen.contains(id) && !Files.exists(LocalPaths.of(id)));
        return toRead;
    }

    /** Where to read {@code f} from, or null when it has not changed. */
    private Input plan(FileInput f, String id) {
        FileVersion now;
        try {
            now = FileVersion.of(f.path());
        } catch (IOException e) {
            return f; // reading it reports why it cannot be read
        }
        planned.put(id, now);
        Mark m = marks.get(id);
        if (m == null) {
            return f;
        }
        if (now.sameAs(m.version())) {
            return null;
        }
        try {
            String rewritten = rewritten(f.path(), m, now);
            if (rewritten != null) {
                warn.accept(f.name(), rewritten + "; read again from the start");
                return f;
            }
        } catch (IOException e) {
            return f;
        }
        return m.offset() == 0 ? f : new ResumedInput(f, m.offset(), m.shape());
    }

    /** Why the file at {@code path} is not {@code m}'s version with bytes appended, or null when it is. */
    static String rewritten(Path path, Mark m, FileVersion now) throws IOException {
        if (m.whole()) {
            return "changed since it was read, and a " + (m.shape() == null ? "file" : "compressed or non-UTF-8 file")
                    + " cannot be read from the middle";
        }
        if (now.size() < m.version().size()) {
            return "shorter than when it was read (" + now.size() + " < " + m.version().size() + " bytes): rewritten";
        }
        if (!m.headSha256().equals(FileVersion.hash(path, 0, m.headLength()))) {
            return "rewritten (its first bytes changed)";
        }
        int tail = (int) Math.min(FileVersion.TAIL, m.offset());
        if (tail > 0 && !m.tailSha256().equals(FileVersion.hash(path, m.offset() - tail, tail))) {
            return "rewritten (the bytes before byte " + m.offset() + ", where the last read ended, changed)";
        }
        return null;
    }

    /** Records how far {@code input} was read; called once per input read, from any thread. */
    @Override
    public synchronized void read(Input input, RecordReader.End end, long records) {
        FileInput f = input instanceof ResumedInput r ? r.file() : (FileInput) input;
        String id = id(f.path().toString());
        FileVersion version = planned.get(id);
        if (version == null) {
            return; // it could not even be looked at: nothing to remember
        }
        Mark before = input instanceof ResumedInput ? marks.get(id) : null;
        long offset = end != null ? end.offset() : before != null ? before.offset() : 0;
        try {
            boolean whole = end != null && !end.inBytes() || f.isGzip();
            // only bytes before the offset: what follows it (the closing ]}, a record being written) may change;
            // a file read whole is identified by its size and time alone, its head only for the record
            int head = (int) Math.min(FileVersion.HEAD, whole ? version.size() : offset);
            String headHash = FileVersion.hash(f.path(), 0, head);
            int tail = (int) Math.min(FileVersion.TAIL, offset);
            String tailHash = whole || tail == 0 ? null : FileVersion.hash(f.path(), offset - tail, tail);
            if (headHash == null || tail > 0 && !whole && tailHash == null) {
                return; // shrunk while it was read: the next run sees a rewrite
            }
            marks.put(id, new Mark(id, f.meta().hour(), version, head, headHash, tailHash, offset,
                    end != null ? end.shape() : before != null ? before.shape() : null, whole,
                    clock.instant(), records + (before != null ? before.records() : 0)));
        } catch (IOException e) {
            // not remembered: the next run reads it again from where the last saved state says
        }
    }

    /** Connections the previous run left open. */
    public Checkpoint.Connections connections() {
        return connections;
    }

    /**
     * Saves what was read; call only once the output is flushed and closed, so that a crash repeats
     * rather than loses.
     *
     * @throws OutputException when the checkpoint cannot be written (exit 4): the output stands, and the next run repeats it
     */
    public void save(Checkpoint.Connections open) {
        connections = open;
        if (file == null) {
            return;
        }
        try {
            file.write(new Checkpoint(command, arguments, clock.instant(), marks, open));
        } catch (IOException e) {
            throw new OutputException(new IOException("checkpoint " + file.path() + " not saved (" + e.getMessage()
                    + "); the next run repeats what this one wrote", e));
        }
    }
}
