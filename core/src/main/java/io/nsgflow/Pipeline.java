package io.nsgflow;

import io.nsgflow.decode.RecordDecoder;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowSink;
import io.nsgflow.model.ReadStats;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.Reporter;
import io.nsgflow.source.FileInputs;
import io.nsgflow.source.Input;
import io.nsgflow.source.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

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

    public Pipeline(FlowFilter filter, Diagnostics diagnostics, InputStream stdin) {
        this.filter = filter;
        this.diagnostics = diagnostics;
        this.stdin = stdin;
    }

    /** Expands the user's paths into inputs, reporting the ones that cannot be read. */
    public List<Input> inputs(List<String> paths) {
        return Inputs.resolve(paths, stdin, (path, reason) ->
                diagnostics.forInput(path).problem(Problem.UNREADABLE_INPUT, "open", reason));
    }

    /** Reads every input into {@code reporter}, in order, then lets it finish. */
    public ReadStats run(List<Input> inputs, Reporter reporter) {
        ReadStats stats = new ReadStats();
        FlowSink sink = sink(reporter);
        RecordReader reader = new RecordReader();
        for (Input input : inputs) {
            read(input, reader, sink, stats);
        }
        return finish(reporter, stats);
    }

    /**
     * Reads the inputs into the answer {@code spec} describes: on up to {@code threads} threads
     * when its partial results merge (the first input into the whole, each other into a fresh
     * partial, merged into the whole in input order), otherwise in order; then the whole
     * finishes. The answer is the one {@link #run(List, Reporter)} gives. {@code --strict} reads in
     * order, as it stops at the first problem in input order.
     */
    public <R extends Reporter> ReadStats run(List<Input> inputs, ReportSpec<R> spec, int threads) {
        R whole = spec.whole();
        if (!spec.parallel() || threads <= 1 || inputs.size() <= 1 || diagnostics.strict()) {
            return run(inputs, whole);
        }
        ReadStats stats = new ParallelRead<R>(inputs.size(), Math.min(threads, inputs.size()), spec::mergeIntoWhole).run(
                (i, reader) -> {
                    R part = i == 0 ? whole : spec.partial();
                    ReadStats partStats = new ReadStats();
                    read(inputs.get(i), reader, sink(part), partStats);
                    return new ParallelRead.Part<>(i == 0 ? null : part, partStats);
                });
        return finish(whole, stats);
    }

    /**
     * The rows that pass the filter, into {@code reporter}; rules named without tuples too, when
     * nothing is filtered (a filter asks about tuples, which such a rule has none of).
     */
    private FlowSink sink(Reporter reporter) {
        if (filter == FlowFilter.ALL) {
            return reporter;
        }
        return row -> {
            if (filter.test(row)) {
                reporter.accept(row);
            }
        };
    }

    private ReadStats finish(Reporter reporter, ReadStats stats) {
        stats.setProblems(diagnostics.problemCounts());
        reporter.finish(stats);
        return stats;
    }

    private void read(Input input, RecordReader reader, FlowSink sink, ReadStats stats) {
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
        try (in) {
            reader.read(in, diag, decoder::decode);
        } catch (IOException e) {
            // closing an input we have finished reading loses nothing
        } finally {
            stats.countRead(decoder.flowRecords(), decoder.tuples());
            diag.close();
        }
    }
}
