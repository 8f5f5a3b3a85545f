package io.nsgflow;

import io.nsgflow.decode.RecordDecoder;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.report.Mergeable;
import io.nsgflow.report.Reporter;
import io.nsgflow.source.FileInputs;
import io.nsgflow.source.Input;
import io.nsgflow.source.InputScope;
import io.nsgflow.source.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Connects the stages, the one place that does: each input is opened (source), its records
 * streamed (parse) and decoded (decode), the rows filtered (filter) and handed to the reporter
 * (report), which writes through its format. Inputs are read one after another, in order, or,
 * for a reporter whose partial results merge, on several threads (see {@link ParallelRead}).
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

    /**
     * Expands the user's paths and URLs into inputs, reporting the ones that cannot be read;
     * {@code scope} spares listing what the filters would drop.
     */
    public List<Input> inputs(List<String> paths, InputScope scope) {
        return Inputs.resolve(paths, stdin, scope, (path, reason) ->
                diagnostics.forInput(path).problem(Problem.UNREADABLE_INPUT, "open", reason));
    }

    /** Reads every input into {@code reporter}, in order, then lets it finish. */
    public ReadStats run(List<Input> inputs, Reporter reporter) {
        ReadStats stats = new ReadStats();
        Consumer<FlowRow> sink = sink(reporter);
        RecordReader reader = new RecordReader();
        for (Input input : inputs) {
            read(input, reader, sink, stats);
        }
        return finish(reporter, stats);
    }

    /**
     * Reads the inputs on up to {@code threads} threads when {@code whole} is {@link Mergeable}:
     * the first input into {@code whole}, each other into a fresh reporter from {@code parts}
     * (of the same class), merged into {@code whole} in input order; then {@code whole} finishes.
     * The answer is the one {@link #run(List, Reporter)} gives. Other reporters, one thread, or
     * one input: read in order.
     */
    public ReadStats run(List<Input> inputs, Reporter whole, Supplier<? extends Reporter> parts, int threads) {
        if (!(whole instanceof Mergeable<?>) || threads <= 1 || inputs.size() <= 1) {
            return run(inputs, whole);
        }
        @SuppressWarnings("unchecked") // parts come from the same factory as whole: one class, merging its own kind
        Mergeable<Reporter> merged = (Mergeable<Reporter>) whole;
        ReadStats stats = new ParallelRead(inputs.size(), Math.min(threads, inputs.size()), merged::merge).run(
                (i, reader) -> {
                    Reporter part = i == 0 ? whole : parts.get();
                    ReadStats partStats = new ReadStats();
                    read(inputs.get(i), reader, sink(part), partStats);
                    return new ParallelRead.Part(i == 0 ? null : part, partStats);
                });
        return finish(whole, stats);
    }

    private Consumer<FlowRow> sink(Reporter reporter) {
        return filter == FlowFilter.ALL ? reporter::accept : row -> {
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

    private void read(Input input, RecordReader reader, Consumer<FlowRow> sink, ReadStats stats) {
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
