package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.format.OutputException;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TextOut;
import io.nsgflow.format.WriterOptions;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
import io.nsgflow.result.Shape;
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

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        root.debug(input.debug);
        if (output.format.binary() && output.path == null) {
            throw new ParameterException(spec.commandLine(), "-f " + output.format.label()
                    + " writes a file: name it with -o FILE." + output.format.label() + " (or -o FOLDER/)");
        }
        Shape shape = output.shape(defaultLimit());
        List<TableSchema> tables = tables();
        try {
            shape.check(tables);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean multipleTables = shape.selected(tables).size() > 1;
        if (multipleTables && output.format.oneTablePerStream()) {
            throw new ParameterException(spec.commandLine(), spec.name() + " writes several tables and "
                    + output.format.label() + " holds one per stream: choose one with --table (" + Shape.names(tables) + ")");
        }
        Diagnostics diagnostics = new Diagnostics(terminal.err(), input.strict);
        Pipeline pipeline = new Pipeline(filters.build(), diagnostics, terminal.in());
        if (output.format.binary()) {
            return run(pipeline, diagnostics, binaryReporter(), null, null);
        }
        WriterOptions options = new WriterOptions(!output.noHeader, multipleTables,
                output.format.fitsTerminal() && output.path == null ? terminal.width().getAsInt() : 0, output.exact);
        if (output.path == null) {
            return runText(pipeline, diagnostics, shape, options, new TextOut(terminal.out(), terminal.outIsTerminal()));
        }
        try (Writer file = Files.newBufferedWriter(Path.of(output.path), StandardCharsets.UTF_8)) {
            return runText(pipeline, diagnostics, shape, options, new TextOut(file, false));
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

    private int runText(Pipeline pipeline, Diagnostics diagnostics, Shape shape, WriterOptions options, TextOut out) {
        TableSink sink = shape.apply(output.format.writer(out, options));
        return run(pipeline, diagnostics, reporter(sink), () -> reporter(sink), out);
    }

    /**
     * @param parts makes partial reporters for a parallel read; null for a reporter read in order
     * @param out   the text output to flush at a {@code --strict} stop; null for a binary format
     */
    private int run(Pipeline pipeline, Diagnostics diagnostics, Reporter reporter, Supplier<Reporter> parts, TextOut out) {
        List<Input> inputs = pipeline.inputs(input.paths);
        ReadStats stats;
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
        if (!diagnostics.anyProblem()) {
            return ExitCode.OK;
        }
        return stats.flowRecords() > 0 ? ExitCode.SKIPPED : ExitCode.NOTHING_READ;
    }
}
