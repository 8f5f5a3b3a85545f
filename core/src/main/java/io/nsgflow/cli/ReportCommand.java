package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.format.OutputException;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TableWriter;
import io.nsgflow.format.TextOut;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
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
 * which reporter answers it; options were validated by picocli before this runs.
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

    /** The reporter for this command, writing to {@code writer}. */
    abstract Reporter reporter(TableWriter writer);

    /**
     * Whether inputs may be read on several threads, for a reporter that merges partial results
     * (see {@link io.nsgflow.report.Mergeable}). False for one that writes as it reads.
     */
    boolean parallel() {
        return true;
    }

    /** True when the command writes more than one table. */
    boolean multipleTables() {
        return false;
    }

    /** Says on stderr what the answer left out, once the input is read; most commands have nothing to say. */
    void notes(Diagnostics diagnostics) {
    }

    /**
     * The reporter for a binary format ({@link OutputFormat#binary()}), which writes to its own
     * file rather than through a {@link TableWriter}; only {@code flows} has one.
     */
    Reporter binaryReporter() {
        throw new ParameterException(spec.commandLine(), "-f " + output.format.label()
                + " is for 'flows' only: the other reports are small tables (use -f csv or -f ndjson)");
    }

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        root.debug(input.debug);
        if (output.format.binary() && output.path == null) {
            throw new ParameterException(spec.commandLine(), "-f " + output.format.label()
                    + " writes a file: name it with -o FILE." + output.format.label() + " (or -o FOLDER/)");
        }
        Diagnostics diagnostics = new Diagnostics(terminal.err(), input.strict);
        Pipeline pipeline = new Pipeline(filters.build(), diagnostics, terminal.in());
        if (output.format.binary()) {
            Reporter reporter = binaryReporter();
            return run(pipeline, pipeline.inputs(input.paths), diagnostics, reporter, null, null);
        }
        if (output.path == null) {
            return runText(pipeline, diagnostics, new TextOut(terminal.out(), terminal.outIsTerminal()));
        }
        try (Writer file = Files.newBufferedWriter(Path.of(output.path), StandardCharsets.UTF_8)) {
            return runText(pipeline, diagnostics, new TextOut(file, false));
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    private int runText(Pipeline pipeline, Diagnostics diagnostics, TextOut out) {
        TableWriter writer = output.format.writer(out, !output.noHeader, multipleTables());
        return run(pipeline, pipeline.inputs(input.paths), diagnostics, reporter(writer), () -> reporter(writer), out);
    }

    /** @param out the text output to flush at a {@code --strict} stop; null for a binary format */
    private int run(Pipeline pipeline, List<Input> inputs, Diagnostics diagnostics, Reporter reporter,
                    Supplier<Reporter> parts, TextOut out) {
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
        notes(diagnostics);
        if (!diagnostics.anyProblem()) {
            return ExitCode.OK;
        }
        return stats.flowRecords() > 0 ? ExitCode.SKIPPED : ExitCode.NOTHING_READ;
    }
}
