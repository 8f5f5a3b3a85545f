package io.nsgflow;

import io.nsgflow.checkpoint.ReadListener;
import io.nsgflow.checkpoint.ResumesAt;
import io.nsgflow.decode.RecordDecoder;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowSink;
import io.nsgflow.model.ReadStats;
import io.nsgflow.parse.RawRecord;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.Reporter;
import io.nsgflow.source.FileInputs;
import io.nsgflow.source.Input;
import io.nsgflow.source.InputScope;
import io.nsgflow.source.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Connects the stages, the one place that does: each input is opened (source), its records
 * streamed (parse) and decoded (decode), the rows filtered (filter) and handed to the reporter
 * (report), which writes through its format. Inputs are read one after another, in order, or,
 * when the command's {@link ReportSpec} says partial results merge, on several threads (see
 * {@link ParallelRead}).
 */
public final class Pipeline {
    private final FlowFilter filter;
    private final Diagnostics diagnostics;
    private final InputStream stdin;
    private ReadListener listener;
    private BooleanSupplier stop = () -> false;

    public Pipeline(FlowFilter filter, Diagnostics diagnostics, InputStream stdin) {
        this.filter = filter;
        this.diagnostics = diagnostics;
        this.stdin = stdin;
    }

    /**
     * Reads for a checkpoint: an input that {@link ResumesAt} an offset from there, and the bytes after an
     * input's last complete record taken as a record still being written (not a problem); tells
     * {@code listener} how far each input was read.
     */
    public Pipeline incremental(ReadListener listener) {
        this.listener = listener;
        return this;
    }

    /** {@link #inputs(List, InputScope)} for everything. */
    public List<Input> inputs(List<String> paths) {
        return inputs(paths, InputScope.everything());
    }

    /**
     * Expands the user's paths and URLs into inputs, reporting the ones that cannot be read;
     * {@code scope} spares listing what the filters would drop.
     */
    public List<Input> inputs(List<String> paths, InputScope scope) {
        return Inputs.resolve(paths, stdin, scope, (path, reason) ->
                diagnostics.forInput(path).problem(Problem.UNREADABLE_INPUT, "open", reason),
                (again, first) -> diagnostics.forInput(again).warning("same file", "the same file as " + first
                        + " (named twice, a link to it, or inside a folder also named); read once"));
    }

    /** Reads every input into {@code reporter}, in order, then lets it finish. */
    public ReadStats run(List<Input> inputs, Reporter reporter) {
        try {
            return finish(reporter, readInto(inputs, reporter), inputs.isEmpty());
        } catch (OutOfMemoryError e) {
            throw HeapExhausted.of(reporter.keysHeld(), e);
        }
    }

    /**
     * Reads every input into {@code reporter}, in order, and leaves it open for more: {@code follow}
     * reads each poll's new records into one reporter.
     *
     * @throws Stopped when {@code stop} said so, between two records
     */
    public ReadStats readInto(List<Input> inputs, Reporter reporter) {
        return readInto(inputs, reporter, () -> { });
    }

    /** {@link #readInto(List, Reporter)}, telling {@code afterRecord} when a record's rows are all given. */
    private ReadStats readInto(List<Input> inputs, FlowSink rows, Runnable afterRecord) {
        ReadStats stats = new ReadStats();
        FlowSink sink = sink(rows);
        RecordReader reader = new RecordReader();
        for (Input input : inputs) {
            read(input, reader, sink, stats, afterRecord);
        }
        return stats;
    }

    /**
     * {@link #run(List, Reporter)} on two threads: this one reads, a {@link WriterThread} writes
     * the rows, as they come and in the same order; what the user sees is what one thread gives.
     */
    private ReadStats runAside(List<Input> inputs, Reporter reporter) {
        WriterThread writer = new WriterThread(reporter);
        diagnostics.beforeEachLine(writer::sync);
        ReadStats stats = null;
        Throwable failed;
        try {
            stats = readInto(inputs, writer, writer::handOff);
            failed = writer.close(null);
        } catch (RuntimeException | Error e) {
            failed = writer.close(e);
        } finally {
            diagnostics.beforeEachLine(null);
        }
        HandedOver.rethrow(failed, "writing failed");
        return finish(reporter, stats, inputs.isEmpty());
    }

    /**
     * From now on, reading stops before the next record once {@code stop} is true, with the
     * records before it read and told to the {@link ReadListener}: how {@code follow} ends on a
     * signal without losing or repeating a row.
     */
    public Pipeline stopWhen(BooleanSupplier stop) {
        this.stop = stop;
        return this;
    }

    /** Reading stopped because {@link #stopWhen} said so. */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /**
     * Reads the inputs into the answer {@code spec} describes: on up to {@code threads} threads
     * when its partial results merge, otherwise in order (rows written on a second thread when
     * {@code spec} allows it and there are two); then the whole finishes. On several
     * threads, each task of the {@link ReadPlan} (an input, or a byte range of a big plain file)
     * is read into a fresh partial, the first into the whole, and the partials are merged into the
     * whole in task order. The answer is the one {@link #run(List, Reporter)} gives.
     * {@code --strict} reads in order, as it stops at the first problem in input order.
     */
    public <R extends Reporter> ReadStats run(List<Input> inputs, ReportSpec<R> spec, int threads) {
        R whole = spec.whole();
        if (!spec.parallel() && spec.writtenAside() && threads > 1) {
            try {
                return runAside(inputs, whole);
            } catch (OutOfMemoryError e) {
                throw HeapExhausted.of(whole.keysHeld(), e);
            }
        }
        if (!spec.parallel() || threads <= 1 || diagnostics.strict()) {
            return run(inputs, whole);
        }
        // a checkpointed read is told where each input ends: inputs are read whole
        List<ReadPlan.Task> tasks = ReadPlan.plan(inputs, diagnostics, listener == null, threads);
        if (tasks.size() <= 1) {
            return run(inputs, whole);
        }
        try {
            ReadStats stats = new ReadStats();
            new ParallelRead<R>(tasks.size(), Math.min(threads, tasks.size()), (i, part) -> {
                ReadPlan.Task task = tasks.get(i);
                if (task.split() == null || task.split().counts(task.range())) {
                    if (part.reporter() != null) {
                        spec.mergeIntoWhole(part.reporter());
                    }
                    stats.add(part.stats());
                }
                if (task.split() != null && task.range() == task.split().ranges() - 1) {
                    task.split().diagnostics().close();
                }
            }).run((i, reader) -> {
                R part = i == 0 ? whole : spec.partial();
                ReadStats partStats = new ReadStats();
                ReadPlan.Task task = tasks.get(i);
                if (task.split() == null) {
                    read(task.input(), reader, sink(part), partStats, () -> { });
                } else {
                    readRange(task.split(), task.range(), reader, sink(part), partStats);
                }
                return new ParallelRead.Part<>(i == 0 ? null : part, partStats);
            });
            return finish(whole, stats, false);
        } catch (OutOfMemoryError e) {
            throw HeapExhausted.of(whole.keysHeld(), e); // the partials being read are not counted: "at least"
        }
    }

    /**
     * The rows that pass the filter, into {@code reporter}; rules named without tuples too, when
     * nothing is filtered (a filter asks about tuples, which such a rule has none of).
     */
    private FlowSink sink(FlowSink reporter) {
        if (filter == FlowFilter.ALL) {
            return reporter;
        }
        return row -> {
            if (filter.test(row)) {
                reporter.accept(row);
            }
        };
    }

    /**
     * Lets {@code reporter} write the answer to inputs read elsewhere ({@link io.nsgflow.cli.DistributedRead}),
     * as {@link #run} does once it has read them here.
     */
    public ReadStats finish(Reporter reporter, ReadStats stats) {
        return finish(reporter, stats, stats.inputs() == 0);
    }

    /**
     * Lets the reporter write its answer. When not one flow-log record was read there is none, not
     * an empty one; except for a checkpointed read, where nothing new is an answer, and for no
     * input at all without a problem: a listing that the question's window or NSGs pruned to
     * nothing, whose answer is empty, as that of a filter matching no tuple is.
     */
    private ReadStats finish(Reporter reporter, ReadStats stats, boolean noInput) {
        stats.setProblems(diagnostics.problemCounts());
        if (stats.flowRecords() > 0 || listener != null || noInput && !diagnostics.anyProblem()) {
            stats.markAnswered();
            reporter.finish(stats);
        }
        return stats;
    }

    private void read(Input input, RecordReader reader, FlowSink sink, ReadStats stats, Runnable afterRecord) {
        if (stop.getAsBoolean()) {
            throw new Stopped();
        }
        FileDiagnostics diag = diagnostics.forInput(input.name());
        InputStream in;
        try {
            in = input.open();
        } catch (IOException e) {
            stats.countInput(false);
            diag.problem(Problem.UNREADABLE_INPUT, "open", FileInputs.reason(e));
            diag.close();
            return;
        }
        stats.countInput(true);
        RecordDecoder decoder = new RecordDecoder(input.name(), input.meta(), diag, sink);
        Consumer<RawRecord> handler = record -> {
            if (stop.getAsBoolean()) {
                throw new Stopped();
            }
            decoder.decode(record);
            afterRecord.run();
        };
        try (in) {
            reader.read(in, start(input), diag, handler);
            told(input, reader, decoder);
        } catch (Stopped s) {
            told(input, reader, decoder);
            throw s;
        } catch (IOException e) {
            // closing an input we have finished reading loses nothing
        } finally {
            stats.countRead(decoder.flowRecords(), decoder.tuples());
            diag.close();
        }
    }

    /**
     * What reading one byte range of an input gave; a {@link RangeChain} says whether it counts.
     *
     * @param records how many records it held
     * @param stop    where it stopped for a later range; null when it read to the input's end
     * @param opened  whether its bytes could be opened
     */
    public record RangeRead(long records, RecordReader.Stop stop, boolean opened) implements java.io.Serializable {
    }

    /**
     * Reads byte range {@code range} of a plain input cut at record starts ({@link
     * io.nsgflow.parse.RecordStarts#split}) into {@code reporter}, as {@link #run} reads an input: to
     * the first record that starts where a later range starts. How the CLI reads its ranges on
     * threads, and a Spark task a range of a blob.
     *
     * @param diag the input's diagnostics for range 0; for a later range, a {@link FileDiagnostics#part}
     *             that knows what comes before it (or that nobody will hear, when that is not known yet)
     * @param stats counts the input once, for range 0, and the records and tuples read
     */
    public RangeRead readRange(Input input, long[] starts, int range, FileDiagnostics diag, Reporter reporter, ReadStats stats) {
        return readRange(input, starts, range, new RecordReader(), diag, sink(reporter), stats);
    }

    /**
     * What {@link #readRange} would say of range {@code range}, its records and where it stops,
     * found by parsing alone: the records are not decoded, nothing is told. How a Spark planner
     * learns which ranges count ({@link RangeChain}) before any row is read.
     */
    public static RangeRead measureRange(Input input, long[] starts, int range) {
        Diagnostics silent = new Diagnostics(Writer.nullWriter(), false);
        return readRange(input, starts, range, new RecordReader(), silent.forInput(input.name()), record -> { });
    }

    /**
     * A range read on one of the CLI's threads: its problems wait for the ranges before it
     * ({@link SplitInput}); a range the one before it read through is given up.
     */
    private void readRange(SplitInput split, int range, RecordReader reader, FlowSink sink, ReadStats stats) {
        try {
            RangeRead read = readRange(split.input(), split.starts(), range, reader, split.diagnostics(range), sink, stats);
            split.read(range, read.records(), read.stop());
        } catch (SplitInput.Dropped d) {
            // the range before read these bytes; this read counts for nothing
        } catch (RuntimeException | Error e) {
            split.abandon();
            throw e;
        }
    }

    /** A range's records decoded into {@code sink}, counted in {@code stats}. */
    private RangeRead readRange(Input input, long[] starts, int range, RecordReader reader, FileDiagnostics diag,
            FlowSink sink, ReadStats stats) {
        RecordDecoder decoder = new RecordDecoder(input.name(), input.meta(), diag, sink);
        try {
            RangeRead read = readRange(input, starts, range, reader, diag, decoder::decode);
            if (range == 0 && read.opened()) {
                stats.countInput(true);
            }
            return read;
        } finally {
            stats.countRead(decoder.flowRecords(), decoder.tuples());
        }
    }

    /** The one range read: from its start to the first record of the envelope where a later range starts. */
    private static RangeRead readRange(Input input, long[] starts, int range, RecordReader reader, FileDiagnostics diag,
            Consumer<RawRecord> records) {
        long start = starts[range];
        InputStream in;
        try {
            in = input.openAt(start);
        } catch (IOException e) {
            diag.problem(Problem.UNREADABLE_INPUT, "byte " + start, FileInputs.reason(e) + "; rest of input skipped");
            return new RangeRead(0, null, false);
        }
        long count = 0;
        try (in) {
            count = reader.read(in, RecordReader.Start.range(starts, range), diag, records);
        } catch (IOException e) {
            // closing an input we have finished reading loses nothing
        }
        return new RangeRead(count, reader.stop(), true);
    }

    private void told(Input input, RecordReader reader, RecordDecoder decoder) {
        if (listener != null) {
            listener.read(input, reader.end(), decoder.flowRecords());
        }
    }

    /**
     * Where reading {@code input} starts, and whether a cut after its last record is expected; asked
     * once it is open, since opening a blob tells whether it can be resumed.
     */
    private RecordReader.Start start(Input input) {
        if (listener == null) {
            return RecordReader.Start.BEGINNING;
        }
        return input instanceof ResumesAt r ? RecordReader.Start.growing(r.offset(), r.shape())
                : RecordReader.Start.growing(0, null);
    }
}
