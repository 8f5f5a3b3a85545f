package io.nsgflow.cli;

import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TableWriter;
import io.nsgflow.report.Metric;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.TimelineReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "timeline",
        description = "One row per time bucket (aligned to the clock) with flows, tuples, packets and bytes; "
                + "buckets without traffic show as zeros. The table format adds a bar per row, scaled to the "
                + "terminal width ($COLUMNS, default 80).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow timeline PT1H.json",
            "  nsgflow timeline --every 1m --metric bytes --dst-port 443 PT1H.json",
            "  nsgflow timeline --every 1h -f csv insights-logs-networksecuritygroupflowevent/ > hourly.csv"
        })
final class TimelineCommand extends ReportCommand {
    static final int DEFAULT_WIDTH = 80;

    @Option(names = "--every", paramLabel = "SIZE", defaultValue = "5m", converter = Converters.EveryConverter.class,
            description = "Bucket size: 1m, 5m, 15m or 1h (default: 5m).")
    long every;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "flows", converter = Converters.MetricConverter.class,
            description = "What the bar shows: flows, allowed, denied, tuples, packets or bytes (default: ${DEFAULT-VALUE}).")
    Metric metric;

    @Override
    ReportSpec<?> spec(TableWriter writer) {
        int width = output.format == OutputFormat.TABLE ? terminalWidth(System.getenv("COLUMNS")) : 0;
        return ReportSpec.merged(new TimelineReporter(writer, every, metric, width));
    }

    /** {@code $COLUMNS} when it is a positive number, else {@value #DEFAULT_WIDTH}. */
    static int terminalWidth(String columns) {
        try {
            int n = columns == null ? 0 : Integer.parseInt(columns.trim());
            return n > 0 ? n : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
