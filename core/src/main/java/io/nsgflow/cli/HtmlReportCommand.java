package io.nsgflow.cli;

import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.format.OutputException;
import io.nsgflow.format.html.HtmlPage;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.source.Input;
import io.nsgflow.source.LocalPaths;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        abbreviateSynopsis = true,
        description = "One HTML page to look at or send: overview, timeline, top sources, destinations, ports and pairs, "
                + "denied traffic, rules and who talks to whom, as charts with sortable tables beside them. One file "
                + "with its styles, script, chart library and data inside: it opens anywhere, with no network. "
                + "Every number is the one summary, top, rules and timeline print for the same inputs and filters.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow report samples/ -o report.html",
            "  nsgflow report --direction in --since 2024-05-14 logs/ -o inbound.html",
            "  nsgflow report PT1H.json -o - | gzip > report.html.gz",
            "",
            "The page holds totals and the top rows of each ranking, never input rows: it stays under 2 MB",
            "whatever the input. Charts: Apache ECharts, inlined."
        })
final class HtmlReportCommand implements Callable<Integer> {
    /** The most rows a ranking may keep on a page (--top). */
    static final int MAX_TOP = 1_000;
    /** Input names listed in the header; more are only counted. */
    static final int INPUTS_LISTED = 50;

    @ParentCommand
    NsgflowCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    FilterOptions filters;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where to write the page; - for standard output. A file is replaced only once the page is complete.")
    String output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "25", converter = Converters.TopRowsConverter.class,
            description = "Rows per ranking table (default: ${DEFAULT-VALUE}); charts draw the first 10.")
    int top;

    @Option(names = "--every", paramLabel = "SIZE", defaultValue = "auto", converter = Converters.AutoEveryConverter.class,
            description = "Timeline bucket: auto (the shortest of 1m, 5m, 15m, 30m, 1h, 6h, 1d giving at most 200 points), "
                    + "or one of them (default: ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--title", paramLabel = "TEXT", description = "The page's title (default: nsgflow report).")
    String title = "nsgflow report";

    @Override
    public Integer call() {
        Terminal terminal = root.terminal();
        root.debug(input.debug);
        Path file = output.equals("-") ? null : LocalPaths.of(output).toAbsolutePath();
        if (file != null && !Files.isDirectory(file.getParent())) {
            throw new ParameterException(spec.commandLine(), "cannot write " + output + ": no folder " + file.getParent());
        }
        Diagnostics diagnostics = input.diagnostics(terminal.err());
        // a signal while reading ends the read with no page (its numbers would be partial); while
        // writing, it waits for the page to be whole and in place, so no temporary file is left
        return StopSignal.run(ReportCommand.STOP_GRACE_SECONDS,
                stop -> readAndWrite(new Pipeline(filters.build(), diagnostics, terminal.in()).stopWhen(stop::requested),
                        diagnostics, terminal),
                () -> diagnostics.print("stopped before the inputs were read: no page written"));
    }

    private int readAndWrite(Pipeline pipeline, Diagnostics diagnostics, Terminal terminal) {
        List<Input> inputs = pipeline.inputs(input.paths);
        ReportPageViews views = new ReportPageViews(top, every,
                filters.since == null ? Long.MIN_VALUE : filters.since, filters.until == null ? Long.MAX_VALUE : filters.until);
        ReadStats stats = pipeline.run(inputs, ReportSpec.merged(views.reporter()), input.threads); // a --strict stop writes no page

        HtmlPage page = new HtmlPage();
        page.meta("title", title)
                .meta("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .meta("version", new Version().getVersion()[0])
                .meta("inputs", inputs.stream().limit(INPUTS_LISTED).map(Input::name).toList())
                .meta("inputCount", (long) inputs.size())
                .meta("filters", filtersUsed())
                .meta("bucket", views.bucket())
                .meta("top", (long) top);
        views.addTo(page);
        write(page, terminal);
        return ExitCode.afterReading(diagnostics, stats);
    }

    /** The filter options as the user gave them, for the page's header. */
    private List<String> filtersUsed() {
        List<OptionSpec> filterOptions = spec.mixins().get("filters").options();
        List<String> used = new ArrayList<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (filterOptions.contains(o)) {
                used.add(o.longestName() + " " + String.join(",", o.stringValues()));
            }
        }
        return used;
    }

    /** To standard output, or to a temporary file beside the target that then replaces it, so a failure leaves no half page. */
    private void write(HtmlPage page, Terminal terminal) {
        if (output.equals("-")) {
            page.write(terminal.out(), title);
            return;
        }
        Path target = LocalPaths.of(output).toAbsolutePath();
        Path tmp = null;
        try {
            // named here rather than by createTempFile, whose owner-only mode the page would keep
            tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                page.write(out, title);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OutputException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is not worth an error of its own
                }
            }
        }
    }
}
