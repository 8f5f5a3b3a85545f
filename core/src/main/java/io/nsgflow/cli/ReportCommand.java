package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.enrich.Enricher;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.format.TableWriter;
import io.nsgflow.format.TextOut;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
import io.nsgflow.source.Input;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every command shares: inputs, filters, output, and the run itself. A command only says
 * which reporter answers it; options were validated by picocli before this runs.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false, abbreviateSynopsis = true)
abstract class ReportCommand implements Callable<Integer> {
    @ParentCommand
    NsgflowCommand root;

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

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        root.debug(input.debug);
        enricher = enrichment.load();
        FlowFilter filter = filters.build().with(addressFilters.build(enricher));
        Diagnostics diagnostics = new Diagnostics(terminal.err(), input.strict);
        Pipeline pipeline = new Pipeline(filter, diagnostics, terminal.in());
        List<Input> inputs = pipeline.inputs(input.paths);
        TextOut out = new TextOut(terminal.out(), terminal.outIsTerminal());
        TableWriter writer = output.format.writer(out, !output.noHeader, multipleTables());
        ReadStats stats;
        Reporter reporter = reporter(writer);
        try {
            int threads = parallel() && !input.strict ? input.threads : 1; // --strict stops at the first problem in input order
            stats = pipeline.run(inputs, reporter, () -> reporter(writer), threads);
        } catch (StrictStop stop) {
            reporter.stop(); // rows before the problem are good: keep them
            out.flush();
            throw stop;
        }
        notes(diagnostics);
        if (enricher != null) {
            enricher.problems().forEach(diagnostics::print); // a corrupt MaxMind DB: addresses left unknown, no tuple lost
        }
        if (!diagnostics.anyProblem()) {
            return ExitCode.OK;
        }
        return stats.flowRecords() > 0 ? ExitCode.SKIPPED : ExitCode.NOTHING_READ;
    }
}
