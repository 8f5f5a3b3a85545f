package io.nsgflow.checkpoint;

import io.nsgflow.format.OutputException;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.parse.RecordStarts;
import io.nsgflow.parse.Shape;
import io.nsgflow.source.FileInput;
import io.nsgflow.source.FileVersion;
import io.nsgflow.source.Input;
import io.nsgflow.source.LocalPaths;
import io.nsgflow.source.InputScope;
import io.nsgflow.source.azure.BlobUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p>Only a file's size and modification time are read for an unchanged file, and a blob's ETag and
 * length from the listing ({@link BlobRead}), so a poll costs a {@code stat} per file or a listing,
 * plus the reading of what changed.
 *
 * <p>Only the hours that can still change are looked at ({@link #scope}): Network Watcher writes
 * the blob of the current hour and gives the previous hour's its last records just after the
 * hour turns, so once a blob of hour H has been read, blobs of hours before H - 1 are final. Their
 * folders are not listed or walked again, and their entries are forgotten, which keeps the
 * checkpoint as small as the hours still open; so are files that vanished and blobs no longer listed.
 */
public final class IncrementalRead implements ReadListener {
    private static final long HOUR_MS = 3_600_000L;
    /** How long a blob left with a record half written keeps its hour open: a day, then it is settled as it is. */
    private static final long UNFINISHED_KEPT_MS = 24 * HOUR_MS;
    /**
     * How far before its end a read that only looks for where an input ends begins
     * ({@link #planFromEnd}): room for several records (Azure's are at most some 30 KB).
     */
    static final long END_WINDOW = 256 << 10;
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
    public static List<String> arguments(List<String> paths) {
        if (paths.isEmpty() || paths.contains("-")) {
            throw new CheckpointException("standard input cannot be read incrementally: name the files or folders to read");
        }
        return paths.stream().map(IncrementalRead::id).sorted().distinct().toList();
    }

    /** An input's identity in the checkpoint: its absolute, normalised path; a URL without its query, where a SAS would be. */
    static String id(String path) {
        if (BlobUrl.isUrl(path)) {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
        return LocalPaths.name(LocalPaths.of(path).toAbsolutePath().normalize());
    }

    /**
     * How far back blobs can still change, epoch milliseconds: the hour before the newest hour
     * read, or an earlier hour (of the last day) whose blob was left with a record half written;
     * {@link Long#MIN_VALUE} before anything with an hour was read.
     */
    long openSince() {
        return openSince(marks.values());
    }

    /** {@link #openSince()} of {@code marks}. */
    public static long openSince(Collection<Mark> marks) {
        long newest = Long.MIN_VALUE;
        for (Mark m : marks) {
            Long h = m.hourStart();
            newest = h == null ? newest : Math.max(newest, h);
        }
        if (newest == Long.MIN_VALUE) {
            return newest;
        }
        long since = newest - HOUR_MS;
        for (Mark m : marks) {
            Long h = m.hourStart();
            if (h != null && h >= newest - UNFINISHED_KEPT_MS && !m.finished()) {
                since = Math.min(since, h);
            }
        }
        return since;
    }

    /**
     * {@code scope} narrowed to what can have changed since the last run: hours from {@link
     * #openSince()} to two hours from now (Network Watcher names no blob after the current hour; the
     * second hour covers a clock behind Azure's).
     */
    public InputScope scope(InputScope scope) {
        return scope(scope, marks.values(), clock);
    }

    /** {@link #scope(InputScope)} for a run over {@code marks}. */
    public static InputScope scope(InputScope scope, Collection<Mark> marks, Clock clock) {
        long since = openSince(marks);
        return since == Long.MIN_VALUE ? scope : scope.changedIn(since, clock.millis() + 2 * HOUR_MS);
    }

    /**
     * The inputs to read and from where: unchanged ones left out, appended ones resumed. Forgets
     * vanished files, and the inputs of settled hours (see {@link #openSince()}).
     */
    public List<Input> plan(List<Input> inputs) {
        long openSince = openSince();
        List<Input> toRead = new ArrayList<>(inputs.size());
        Set<String> seen = new HashSet<>();
        for (Input input : inputs) {
            Input next;
            if (input instanceof FileInput f) {
                String id = id(f.path().toString());
                seen.add(id);
                next = plan(f, id);
            } else if (BlobRead.isBlob(input)) {
                seen.add(input.name());
                next = BlobRead.plan(input, marks.get(input.name()), warn);
            } else {
                throw new CheckpointException(input.name() + ": only files, folders and blob URLs can be read incrementally");
            }
            if (next != null) {
                toRead.add(next);
            }
        }
        marks.values().removeIf(m -> !seen.contains(m.id()) && forgotten(m, openSince));
        return toRead;
    }

    /**
     * Like {@link #plan}, for a read whose rows are not wanted, only where each input ends and how
     * its records are laid out ({@code follow} skipping what the inputs already hold): an input
     * new to the checkpoint, plain and big, is read from a record start near its end instead of
     * whole, which for a blob is a few hundred kilobytes in three requests instead of all of it.
     */
    public List<Input> planFromEnd(List<Input> inputs) {
        List<Input> toRead = plan(inputs);
        toRead.replaceAll(IncrementalRead::fromEnd);
        return toRead;
    }

    private static Input fromEnd(Input input) {
        if (input instanceof BlobRead blob) {
            return blob.fromEnd();
        }
        if (input instanceof FileInput f && f.seekable()) {
            try {
                long start = RecordStarts.nearEnd(f::openAt, f.size(), END_WINDOW);
                return start == 0 ? f : new ResumedInput(f, start, Shape.ENVELOPE);
            } catch (IOException e) {
                return f; // reading it whole says why it cannot be read
            }
        }
        return input; // resumed already, or gzip
    }

    /**
     * Whether a mark whose input was not found now is forgotten: its hour is settled, its file is
     * gone, or it is a blob of no hour that is no longer listed. A blob of an open hour that was not
     * listed is kept until its hour is settled: a filter may have left it out of this listing.
     */
    private static boolean forgotten(Mark m, long openSince) {
        Long hour = m.hourStart();
        if (hour != null && hour + HOUR_MS <= openSince) {
            return true;
        }
        return BlobUrl.isUrl(m.id()) ? hour == null : !Files.exists(LocalPaths.of(m.id()));
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
        if (input instanceof BlobRead blob) {
            Mark m = blob.mark(end, records, clock.instant());
            if (m != null) {
                marks.put(m.id(), m);
            }
            return; // else not remembered: the next run reads it again from where the last saved state says
        }
        ResumedInput resumedAt = input instanceof ResumedInput r ? r : null;
        FileInput f = resumedAt != null ? resumedAt.file() : (FileInput) input;
        String id = id(f.path().toString());
        FileVersion version = planned.get(id);
        if (version == null) {
            return; // it could not even be looked at: nothing to remember
        }
        Mark before = resumedAt != null ? marks.get(id) : null;
        // no complete record read: the read's start, an earlier read's end or a record start near the end
        long offset = end != null ? end.offset() : resumedAt != null ? resumedAt.offset() : 0;
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
                    end != null ? end.shape() : resumedAt != null ? resumedAt.shape() : null, whole,
                    clock.instant(), records + (before != null ? before.records() : 0), null));
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
