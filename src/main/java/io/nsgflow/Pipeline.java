package io.nsgflow;

import io.nsgflow.decode.RecordDecoder;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.report.Reporter;
import io.nsgflow.source.InputExpander;
import io.nsgflow.source.InputSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Connects the stages, the one place that does: each input is opened (source), its records
 * streamed (parse) and decoded (decode), the rows filtered (filter) and handed to the reporter
 * (report), which writes through its format. Inputs are read one after another, in order.
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
    public List<InputSource> inputs(List<String> paths) {
        return InputExpander.expand(paths, (path, reason) ->
                diagnostics.forInput(path).problem(Problem.UNREADABLE_INPUT, "open", reason));
    }

    /** Reads every input into {@code reporter}, then lets it finish. */
    public ReadStats run(List<InputSource> inputs, Reporter reporter) {
        ReadStats stats = new ReadStats();
        Consumer<FlowRow> sink = filter == FlowFilter.ALL ? reporter::accept : row -> {
            if (filter.test(row)) {
                reporter.accept(row);
            }
        };
        RecordReader reader = new RecordReader();
        for (InputSource input : inputs) {
            read(input, reader, sink, stats);
        }
        stats.setProblems(diagnostics.problemCounts());
        reporter.finish(stats);
        return stats;
    }

    private void read(InputSource input, RecordReader reader, Consumer<FlowRow> sink, ReadStats stats) {
        FileDiagnostics diag = diagnostics.forInput(input.name());
        InputStream in;
        try {
            in = input.open(stdin);
        } catch (IOException e) {
            stats.countInput(false);
            diag.problem(Problem.UNREADABLE_INPUT, "open", InputExpander.reason(e));
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
