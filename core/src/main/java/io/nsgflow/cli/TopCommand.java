package io.nsgflow.cli;

import io.nsgflow.format.TableWriter;
import io.nsgflow.report.GroupBy;
import io.nsgflow.report.Metric;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.TopReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "top",
        description = "The keys that carried the most traffic: top talkers, busiest ports, rules, NSGs. "
                + "Every row has all counts: flows (allowed, denied), tuples, packets, bytes.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow top --by src PT1H.json",
            "  nsgflow top --by pair --metric bytes --limit 20 logs/",
            "  nsgflow top --by dstport --action deny --direction in PT1H.json",
            "  nsgflow top --by src --metric denied -f csv --limit 0 logs/ > denied-sources.csv",
            "",
            "With --limit 0 the rows of 'top --by src' add up to the totals of 'summary'."
        })
final class TopCommand extends ReportCommand {
    @Option(names = "--by", required = true, paramLabel = "KEY", converter = Converters.GroupByConverter.class,
            description = "src, dst, pair (src and dst), dstport (with protocol), srcport, rule, nsg, mac or protocol.")
    GroupBy by;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "flows", converter = Converters.MetricConverter.class,
            description = "Rank by flows, allowed, denied, tuples, packets or bytes (default: ${DEFAULT-VALUE}).")
    Metric metric;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", converter = Converters.LimitConverter.class,
            description = "Rows to show; 0 shows all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    ReportSpec<?> spec(TableWriter writer) {
        return ReportSpec.merged(new TopReporter(writer, by, metric, limit));
    }
}
