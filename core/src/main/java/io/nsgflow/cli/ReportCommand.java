package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.checkpoint.Checkpoint;
import io.nsgflow.checkpoint.IncrementalRead;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.format.TextOut;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.CarriesConnections;
import io.nsgflow.report.Reporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import io.nsgflow.source.Input;
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
    AddressFilterOptions addressFilters;

    @Mixin
    EnrichOptions enrichment;

    @Mixin
    OutputOptions output;

    /** What is known about addresses, loaded before any input is read; null when no enrichment was asked for. */
    Enricher enricher;

    /** The enricher, or the built-in address classes alone when no enrichment file was given. */
    Enricher enricherOrBuiltIn() {
        return enricher != null ? enricher : Enricher.builtIn();
    }

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
        enricher = enrichment.load(); // before anything else: a bad enrichment file is a usage error
        FlowFilter filter = filters.build().with(addressFilters.build(enricher));
        TextOut out = new TextOut(terminal.out(), terminal.outIsTerminal());
        TableSink sink = sink(out, terminal);
        Diagnostics diagnostics = new Diagnostics(terminal.err(), input.strict);
        Pipeline pipeline = new Pipeline(filter, diagnostics, terminal.in());
        IncrementalRead incremental = input.incremental(spec.name(), diagnostics);
        List<Input> inputs = pipeline.inputs(input.paths);
        if (incremental != null) {
            inputs = incremental.plan(inputs);
            pipeline.incremental(incremental);
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
        }
        for (String note : reporter.notes()) {
            diagnostics.print("note: " + note);
        }
        if (enricher != null) {
            enricher.problems().forEach(diagnostics::print); // a corrupt MaxMind DB: addresses left unknown, no tuple lost
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
