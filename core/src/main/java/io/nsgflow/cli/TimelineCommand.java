package io.nsgflow.cli;

import io.nsgflow.report.Metric;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.TimelineReporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "timeline",
        description = "One row per time bucket (aligned to the clock) with flows, tuples, packets and bytes; "
                + "buckets without traffic show as zeros, over the whole --since/--until window when one is given. "
                + "The table format adds a bar per row for the metric, fitted to the terminal.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow timeline PT1H.json",
            "  nsgflow timeline --every 1m --metric bytes --dst-port 443 PT1H.json",
            "  nsgflow timeline --every 1h -f csv insights-logs-networksecuritygroupflowevent/ > hourly.csv",
            "  nsgflow timeline --every 1d --since 2024-05-01 --until 2024-05-31 logs/"
        })
final class TimelineCommand extends ReportCommand {
    @Option(names = "--every", paramLabel = "SIZE", defaultValue = "5m", converter = Converters.EveryConverter.class,
            description = "Bucket size: 1m, 5m, 15m, 30m, 1h, 6h or 1d (default: 5m).")
    long every;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "flows", converter = Converters.MetricConverter.class,
            completionCandidates = Candidates.Metrics.class,
            description = "What the bar shows: flows, allowed, denied, tuples, packets or bytes (default: ${DEFAULT-VALUE}).")
    Metric metric;

    @Override
    List<TableSchema> tables() {
        return List.of(TimelineReporter.schema(metric));
    }

    @Override
    ReportSpec<?> spec(TableSink sink) {
        return ReportSpec.merged(new TimelineReporter(sink, every, metric,
                filters.since == null ? Long.MIN_VALUE : filters.since, filters.until == null ? Long.MAX_VALUE : filters.until));
    }
}
