package io.nsgflow.cli;

import io.nsgflow.report.GroupBy;
import io.nsgflow.report.Metric;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.TopReporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "top",
        description = "The keys that carried the most traffic: top talkers, busiest ports, rules, NSGs. "
                + "Every row has its share of the metric's total and all counts: flows (allowed, denied), tuples, "
                + "packets, bytes. 10 rows unless --limit.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow top --by src PT1H.json",
            "  nsgflow top --by pair --metric bytes --limit 20 logs/",
            "  nsgflow top --by dstport --action deny --direction in PT1H.json",
            "  nsgflow top --by src --metric denied -f csv --limit 0 logs/ > denied-sources.csv",
            "",
            "  nsgflow top --by src-country --geoip GeoLite2-Country.mmdb --action deny logs/",
            "  nsgflow top --by dst-tag --service-tags ServiceTags_Public_20250106.json --metric bytes logs/",
            "",
            "With --limit 0 the rows of 'top --by src' add up to the totals of 'summary'."
        })
final class TopCommand extends ReportCommand {
    /** Rows shown unless {@code --limit} says otherwise. */
    static final int DEFAULT_LIMIT = 10;

    @Option(names = "--by", required = true, paramLabel = "KEY", converter = Converters.GroupByConverter.class,
            completionCandidates = Candidates.GroupKeys.class,
            description = "src, dst, pair (src and dst), dstport (with protocol), srcport, rule, nsg, mac or protocol; "
                    + "with enrichment, for src- or dst-: class, tag, region, country, asn (with its organisation), "
                    + "list (an address in several lists counts in each).")
    GroupBy by;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "flows", converter = Converters.MetricConverter.class,
            completionCandidates = Candidates.Metrics.class,
            description = "Rank by flows, allowed, denied, tuples, packets or bytes (default: ${DEFAULT-VALUE}).")
    Metric metric;

    @Override
    List<TableSchema> tables() {
        if (by.address() != null && !by.address().available(enricher)) {
            throw new ParameterException(spec.commandLine(), "--by " + by.label() + " needs " + by.address().needs());
        }
        return List.of(TopReporter.schema(by, metric));
    }

    @Override
    ReportSpec<?> spec(TableSink sink) {
        return ReportSpec.merged(new TopReporter(sink, by, metric, by.address() == null ? null : enricherOrBuiltIn()));
    }

    @Override
    int defaultLimit() {
        return DEFAULT_LIMIT;
    }
}
