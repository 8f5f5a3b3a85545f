package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.checkpoint.Checkpoint;
import io.nsgflow.checkpoint.IncrementalRead;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.format.OutputException;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TextOut;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.CarriesConnections;
import io.nsgflow.report.Reporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import io.nsgflow.source.Input;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
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
        if (output.format.binary()) {
            if (output.path == null) {
                throw new ParameterException(spec.commandLine(), "-f " + output.format.label()
                        + " writes a file: name it with -o FILE." + output.format.label() + " (or -o FOLDER/)");
            }
            try {
                output.shape(defaultLimit()).check(tables());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Reporter reporter = binaryReporter();
            return read(terminal, reporter, null, null);
        }
        if (output.path == null) {
            TextOut out = new TextOut(terminal.out(), terminal.outIsTerminal());
            TableSink sink = sink(out, terminal);
            return read(terminal, reporter(sink), () -> reporter(sink), out);
        }
        try (Writer file = Files.newBufferedWriter(Path.of(output.path), StandardCharsets.UTF_8)) {
            TextOut out = new TextOut(file, false);
            TableSink sink = sink(out, terminal);
            return read(terminal, reporter(sink), () -> reporter(sink), out);
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    /**
     * The reporter for a binary format ({@link OutputFormat#binary()}), which writes typed rows to
     * its own file rather than through a {@link TableSink}; only {@code flows} has one.
     */
    Reporter binaryReporter() {
        throw new ParameterException(spec.commandLine(), "-f " + output.format.label()
                + " is for 'flows' only: the other reports are small tables (use -f csv or -f ndjson)");
    }

    /**
     * Reads the inputs into {@code reporter}.
     *
     * @param parts makes partial reporters for a parallel read; null for a reporter read in order
     * @param out   the text output to flush at a {@code --strict} stop; null for a binary format
     */
    private int read(Terminal terminal, Reporter reporter, Supplier<Reporter> parts, TextOut out) {
        Diagnostics diagnostics = new Diagnostics(terminal.err(), input.strict);
        Pipeline pipeline = new Pipeline(filters.build(), diagnostics, terminal.in());
        IncrementalRead incremental = input.incremental(spec.name(), diagnostics);
        List<Input> inputs = pipeline.inputs(input.paths);
        if (incremental != null) {
            inputs = incremental.plan(inputs);
            pipeline.incremental(incremental);
        }
        ReadStats stats;
        if (incremental != null && reporter instanceof CarriesConnections carrier) {
            carrier.carry(incremental.connections().keys());
        }
        try {
            int threads = parts != null && parallel() && !input.strict ? input.threads : 1; // --strict stops at the first problem in input order
            stats = parts == null ? pipeline.run(inputs, reporter) : pipeline.run(inputs, reporter, parts, threads);
        } catch (StrictStop stop) {
            reporter.stop(); // rows before the problem are good: keep them
            if (out != null) {
                out.flush();
            }
            throw stop;
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
