package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.checkpoint.Checkpoint;
import io.nsgflow.checkpoint.IncrementalRead;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.format.ByteStreamWriter;
import io.nsgflow.format.OutputException;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TextOut;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.CarriesConnections;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.Reporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import io.nsgflow.source.Input;
import io.nsgflow.source.LocalPaths;
import io.nsgflow.source.InputScope;
import io.nsgflow.source.azure.BlobInputs;
import io.nsgflow.source.azure.BlobUrl;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
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
    /**
     * How long a signal waits for the record being read to end and the document to be closed; past
     * it (reading blocked on a terminal or a pipe) the process ends with the signal's code anyway.
     */
    static final long STOP_GRACE_SECONDS = 5;

    @ParentCommand
    NsgflowCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    FilterOptions filters;

    @Mixin
    AddressFilterOptions addressFilters;

    @Mixin
    EnrichOptions enrichment;

    @Mixin
    OutputOptions output;

    /** What is known about addresses, loaded before any input is read; null when no enrichment was asked for. */
    Enricher enricher;

    /** The row filters, the address ones included; built once the enrichment files are loaded. */
    private FlowFilter filter;

    /** The enricher, or the built-in address classes alone when no enrichment file was given. */
    Enricher enricherOrBuiltIn() {
        return enricher != null ? enricher : Enricher.builtIn();
    }

    /** The tables this command writes, as its options make them. */
    abstract List<TableSchema> tables();

    /** How this command's answer is read and written to {@code sink}: its reporter, and whether partials merge. */
    abstract ReportSpec<?> spec(TableSink sink);

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
        if (input.paths.stream().filter("-"::equals).count() > 1) {
            throw new ParameterException(spec.commandLine(), "'-' (standard input) is named more than once; it can be read once");
        }
        prepare();
        if (root.distributedRead() != null) {
            checkDistributed(root.distributedRead().where());
        }
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
            return read(terminal, ReportSpec.inOrder(binaryReporter()), null);
        }
        if (output.path == null) {
            TextOut out = new TextOut(terminal.out(), terminal.outIsTerminal());
            return read(terminal, spec(sink(out, terminal)), out);
        }
        try (Writer file = new ByteStreamWriter(Files.newOutputStream(LocalPaths.of(output.path)))) {
            TextOut out = new TextOut(file, false);
            return read(terminal, spec(sink(out, terminal)), out);
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    /** Loads the enrichment files and builds the filters: before any input, as a bad file is a usage error. */
    private void prepare() {
        enricher = enrichment.load();
        filter = filters.build().with(addressFilters.build(enricher));
    }

    /** A worker's share of a {@link DistributedRead}: this command's filter and answer, with output going nowhere. */
    WorkerPlan plan() {
        prepare();
        return new WorkerPlan(filter, spec(sink(new TextOut(Writer.nullWriter(), false), root.terminal())));
    }

    /** What a read on other machines cannot do: usage errors, before anything is read. */
    private void checkDistributed(String where) {
        String refused = null;
        if (!spec(sink(new TextOut(Writer.nullWriter(), false), root.terminal())).parallel()) {
            refused = "'" + spec.name() + "' is written in input order as it reads, so it does not run on " + where
                    + "; summary, top, rules and timeline do";
        } else if (input.paths.isEmpty() || input.paths.contains("-")) {
            refused = "standard input is not read on " + where + ": give files or folders";
        } else if (input.checkpoint != null) {
            refused = "--checkpoint is not available on " + where;
        } else if (input.strict) {
            refused = "--strict is not available on " + where + " (problems are reported and skipped)";
        } else if (spec.commandLine().getParseResult().hasMatchedOption("--threads")) {
            refused = "--threads is not used on " + where + ": its cores read the inputs";
        }
        if (refused != null) {
            throw new ParameterException(spec.commandLine(), refused);
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
     * Reads the inputs as {@code read} says.
     *
     * @param out   the text output to flush at a {@code --strict} stop; null for a binary format
     */
    private int read(Terminal terminal, ReportSpec<?> read, TextOut out) {
        return StopSignal.run(STOP_GRACE_SECONDS, stop -> read(terminal, read, out, stop), () -> stopEarly(read.whole(), out));
    }

    private int read(Terminal terminal, ReportSpec<?> read, TextOut out, StopSignal stop) {
        Diagnostics diagnostics = input.diagnostics(terminal.err());
        Pipeline pipeline = new Pipeline(filter, diagnostics, terminal.in()).stopWhen(stop::requested);
        DistributedRead elsewhere = root.distributedRead();
        if (elsewhere != null) {
            ReadStats stats;
            try {
                stats = elsewhere.read(input.paths, read, diagnostics);
            } catch (DistributedRead.Refused e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return answered(read.whole(), pipeline.finish(read.whole(), stats), diagnostics, null);
        }
        IncrementalRead incremental = input.incremental(spec.name(), diagnostics);
        if (input.paths.isEmpty() && terminal.inIsTerminal() && !input.quiet) { // a hint, not a problem: --quiet asks for none
            diagnostics.print("reading flow-log JSON from standard input; end it with Ctrl-D, or give a file or folder: "
                    + spec.qualifiedName() + " PATH (see --help)");
        }
        InputScope scope = filters.scope(input.auth, input.debug);
        List<Input> inputs = pipeline.inputs(input.paths, incremental == null ? scope : incremental.scope(scope));
        if (incremental != null) {
            inputs = incremental.plan(inputs);
            pipeline.incremental(incremental);
        }
        List<Progress> progress = new ArrayList<>(1);
        if (incremental == null) { // the pipeline tells a resumed input by its type: left unwrapped
            inputs = Progress.track(inputs, terminal, input.quiet, read.parallel(), diagnostics, progress);
        }
        ReadStats stats;
        Reporter reporter = read.whole();
        if (incremental != null && reporter instanceof CarriesConnections carrier) {
            carrier.carry(incremental.connections().keys(), incremental.connections().orphaned());
        }
        try {
            stats = pipeline.run(inputs, read, input.threads);
        } catch (StrictStop strict) {
            stopEarly(reporter, out);
            throw strict;
        } finally {
            for (Progress p : progress) {
                p.close();
            }
        }
        return answered(reporter, stats, diagnostics, incremental);
    }

    /** What follows a read: notes, enrichment problems, the checkpoint's save, and the exit code. */
    private int answered(Reporter reporter, ReadStats stats, Diagnostics diagnostics, IncrementalRead incremental) {
        if (input.debug && input.paths.stream().anyMatch(BlobUrl::isUrl)) { // the storage classes load only for a URL
            diagnostics.print("debug: storage requests and bytes received: " + BlobInputs.requestsSent());
        }
        for (String note : reporter.notes()) {
            diagnostics.note(note);
        }
        if (enricher != null) {
            enricher.problems().forEach(diagnostics::print); // a corrupt MaxMind DB: addresses left unknown, no tuple lost
        }
        if (incremental != null) {
            // only now: the output is complete, so a crash before this line repeats rows rather than losing them
            incremental.save(reporter instanceof CarriesConnections carrier
                    ? incremental.connections().next(carrier.openConnections(), carrier.orphanedConnections(),
                            Checkpoint.Connections.LIMIT)
                    : incremental.connections());
        } else if (!stats.answered()) { // the pipeline says when reading made no answer
            if (!diagnostics.anyProblem()) {
                // every input opened and parsed, yet none held a record: say so rather than exit quietly
                diagnostics.print(inputNames(input.paths) + ": not one flow-log record found (nothing to report)");
            }
            return ExitCode.NOTHING_READ;
        }
        return ExitCode.afterReading(diagnostics, stats);
    }

    /** Reading stopped before the end: the rows written are good, so the document is closed around them. */
    private static void stopEarly(Reporter reporter, TextOut out) {
        reporter.stop();
        if (out != null) {
            out.flush();
        }
    }

    private static String inputNames(List<String> paths) {
        return paths.isEmpty() ? "standard input" : String.join(", ", paths);
    }
}
