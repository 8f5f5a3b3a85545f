package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.checkpoint.IncrementalRead;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.format.TextOut;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
import io.nsgflow.result.TableSink;
import io.nsgflow.source.Input;
import io.nsgflow.source.InputScope;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "follow",
        description = {
            "Like tail -f for flow logs: prints the flows rows of records as Azure appends them. Every --interval it "
                    + "looks at the inputs again and reads only what is new: appended records, and new files (the next "
                    + "hour's PT1H.json) from their start. Filters, --fields and formats are those of 'flows'; csv, tsv "
                    + "and ndjson stream, a table keeps the columns of its first rows.",
            "At start, what the inputs already hold is skipped (--from-start prints it): of a plain file or blob of "
                    + "1 MB or more only the last 256 KB or so are read, to find where its records end. With --checkpoint "
                    + "naming a file from an earlier run, reading resumes where that run stopped instead, with no row "
                    + "lost or repeated. The checkpoint is saved after every poll. Ctrl-C or SIGTERM ends it after the row being "
                    + "written, once the checkpoint is saved; --until ends it after the first poll past that time."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow follow insights-logs-networksecuritygroupflowevent/",
            "  nsgflow follow --action deny -f ndjson --interval 30s logs/ | jq -c '{srcIp, dstPort, rule}'",
            "  nsgflow follow --checkpoint ~/.nsgflow/web.ckpt -f csv logs/ >> flows.csv",
            "  nsgflow follow --until 2024-05-14T18:00Z --dst-port 22 logs/"
        })
final class FollowCommand extends FlowsCommand {
    /** Reads records without printing them: the first poll's existing content, unless --from-start. */
    private static final Reporter SKIP = new Reporter() {
        @Override
        public void accept(FlowRow row) {
        }

        @Override
        public void finish(ReadStats stats) {
        }
    };

    @Option(names = "--interval", paramLabel = "TIME", defaultValue = "60s", converter = Converters.IntervalConverter.class,
            description = "How often to look for new records: 30s, 5m, 500ms... (default: ${DEFAULT-VALUE}).")
    long interval;

    @Option(names = "--from-start", description = "Print what the inputs already hold first (without --checkpoint).")
    boolean fromStart;

    /** How long a signal waits for the last poll's rows and checkpoint: a slow storage account may take a while. */
    private static final long SAVE_GRACE_SECONDS = 60;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        root.debug(input.debug);
        if (!output.sort.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "follow prints rows as they come: --sort cannot apply");
        }
        TextOut out = new TextOut(terminal.out(), terminal.outIsTerminal());
        TableSink sink = sink(out, terminal);
        Diagnostics diagnostics = input.diagnostics(terminal.err());
        IncrementalRead incremental = input.incremental(spec.name(), diagnostics);
        boolean resumed = incremental != null && incremental.resumed();
        if (incremental == null) {
            incremental = IncrementalRead.inMemory(input.paths, Clock.systemUTC(),
                    (name, reason) -> diagnostics.forInput(name).warning("checkpoint", reason));
        }
        Pipeline pipeline = new Pipeline(filters.build(), diagnostics, terminal.in()).incremental(incremental);
        Reporter rows = spec(sink).whole();
        InputScope scope = filters.scope(input.auth, input.debug);
        ReadStats stats = new ReadStats();
        try (StopSignal stop = StopSignal.install(SAVE_GRACE_SECONDS)) {
            pipeline.stopWhen(stop::requested);
            try {
                for (boolean first = true; ; first = false) {
                    boolean last = pastUntil();
                    IncrementalRead planner = incremental;
                    List<Input> found = listed(() -> pipeline.inputs(input.paths, planner.scope(scope)), stop);
                    if (found == null) {
                        break; // stopped while listing: nothing of this poll was read yet
                    }
                    boolean skip = first && !resumed && !fromStart; // only where each input ends is wanted
                    List<Input> inputs = skip ? incremental.planFromEnd(found) : incremental.plan(found);
                    stats.add(pipeline.readInto(inputs, skip ? SKIP : rows));
                    polled(sink, out, incremental);
                    if (last || stop.requested()) {
                        break;
                    }
                    stop.sleep(interval);
                    if (stop.requested()) {
                        break;
                    }
                }
            } catch (Pipeline.Stopped stopped) {
                polled(sink, out, incremental);
            }
            rows.finish(stats);
            int code = diagnostics.anyProblem() ? ExitCode.SKIPPED : ExitCode.OK;
            stop.finished(code);
            return code;
        }
    }

    /** Pushes out the rows of a poll, then saves where reading stands: output first, so a crash repeats rather than loses. */
    private static void polled(TableSink sink, TextOut out, IncrementalRead incremental) {
        sink.release();
        out.flush();
        incremental.save(incremental.connections());
    }

    /**
     * Finds the inputs on a thread of their own, so that a stop is not held up by a storage
     * request that does not come back (the JDK's HTTP client can wait out its whole timeout on a
     * connection the server closed); nothing of the poll is read yet, so leaving it loses nothing.
     *
     * @return the inputs, or null when a stop was requested first
     */
    private static List<Input> listed(Supplier<List<Input>> list, StopSignal stop) {
        FutureTask<List<Input>> task = new FutureTask<>(list::get);
        Thread lister = new Thread(task, "nsgflow-list");
        lister.setDaemon(true);
        lister.start();
        while (true) {
            try {
                return task.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (stop.requested()) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** True once the clock has passed {@code --until}: the poll just made was the last one. */
    private boolean pastUntil() {
        return filters.until != null && System.currentTimeMillis() >= filters.until;
    }
}
