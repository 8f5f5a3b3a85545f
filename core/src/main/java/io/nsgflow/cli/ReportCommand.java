package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.checkpoint.Checkpoint;
import io.nsgflow.checkpoint.IncrementalRead;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.format.TextOut;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.CarriesConnections;
import io.nsgflow.report.Reporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import io.nsgflow.source.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: inputs, filters, output, and the run itself. A command only says
 * which tables it writes and which reporter answers it; options were validated by picocli, and
 * the output options against the tables, before any input is read.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, abbreviateSynopsis = true)
abstract class ReportCommand implements Callable<Integer> {
    @ParentCommand
    NsgflowCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    FilterOptions filters;

    @Mixin
    OutputOptions output;

    /** The tables this command writes, as its options make them. */
    abstract List<TableSchema> tables();

    /** The reporter for this command, writing to {@code sink}. */
    abstract Reporter reporter(TableSink sink);

    /**
     * Whether inputs may be read on several threads, for a reporter that merges partial results
     * (see {@link io.nsgflow.report.Mergeable}). False for one that writes as it reads.
     */
    boolean parallel() {
        return true;
    }

    /** Rows per table when no {@code --limit} is given; 0 for all. */
    int defaultLimit() {
        return 0;
    }

    /** The sink this command writes to (see {@link OutputOptions#sink}). */
    TableSink sink(TextOut out, Terminal terminal) {
        return output.sink(out, terminal, tables(), defaultLimit(), spec);
    }

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        root.debug(input.debug);
        TextOut out = new TextOut(terminal.out(), terminal.outIsTerminal());
        TableSink sink = sink(out, terminal);
        Diagnostics diagnostics = new Diagnostics(terminal.err(), input.strict);
        Pipeline pipeline = new Pipeline(filters.build(), diagnostics, terminal.in());
        IncrementalRead incremental = input.incremental(spec.name(), diagnostics);
        List<Input> inputs = pipeline.inputs(input.paths, filters.scope(input.auth, input.debug));
        if (incremental != null) {
            inputs = incremental.plan(inputs);
            pipeline.incremental(incremental);
        }
        List<Progress> progress = new ArrayList<>(1);
        if (incremental == null) { // the pipeline tells a resumed input by its type: left unwrapped
            inputs = Progress.track(inputs, terminal, input.quiet, parallel(), diagnostics, progress);
        }
        ReadStats stats;
        Reporter reporter = reporter(sink);
        if (incremental != null && reporter instanceof CarriesConnections carrier) {
            carrier.carry(incremental.connections().keys());
        }
        try {
            int threads = parallel() && !input.strict ? input.threads : 1; // --strict stops at the first problem in input order
            stats = pipeline.run(inputs, reporter, () -> reporter(sink), threads);
        } catch (StrictStop stop) {
            reporter.stop(); // rows before the problem are good: keep them
            out.flush();
            throw stop;
        } finally {
            for (Progress p : progress) {
                p.close();
            }
        }
        for (String note : reporter.notes()) {
            diagnostics.print("note: " + note);
        }
        if (incremental != null) {
            // only now: the output is complete, so a crash before this line repeats rows rather than losing them
            incremental.save(reporter instanceof CarriesConnections carrier
                    ? incremental.connections().next(carrier.openConnections(), Checkpoint.Connections.LIMIT)
                    : incremental.connections());
        }
        if (!diagnostics.anyProblem()) {
            return ExitCode.OK;
        }
        return stats.flowRecords() > 0 ? ExitCode.SKIPPED : ExitCode.NOTHING_READ;
    }
}
