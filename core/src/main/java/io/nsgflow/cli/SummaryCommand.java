package io.nsgflow.cli;

import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.SummaryReporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "summary",
        description = "The overview of everything read: inputs, records, tuples, flows, time range, NSGs, rules, MACs; "
                + "traffic each way; flows by direction and action and by protocol; the top sources, destinations, "
                + "destination ports and denied sources (5 each unless --limit); encryption (VNet); what was skipped "
                + "and why. csv and tsv hold one table: choose it with --table.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow summary PT1H.json",
            "  nsgflow summary --direction in --limit 10 insights-logs-networksecuritygroupflowevent/",
            "  nsgflow summary -f json PT1H.json | jq '.overview.flows'",
            "  nsgflow summary -f csv --table topSources --limit 0 logs/ > sources.csv",
            "",
            "Tables: overview traffic actions protocols topSources topDestinations topDstPorts",
            "topDeniedSources encryption skipped; with enrichment, trafficClasses (internal, inbound-internet,",
            "outbound-internet, azure-platform, public-to-public) and, with --ip-list, listMatches.",
            "",
            "Tuples are the flow-tuple lines counted; flows are connections, each counted once (a B tuple,",
            "a VNet D tuple, every version-1 tuple, or the first C/E tuple of a connection begun before the",
            "input); packets and bytes sum both directions."
        })
final class SummaryCommand extends ReportCommand {
    /** How many rows each ranking shows unless {@code --limit} says otherwise. */
    static final int TOP = 5;

    @Override
    List<TableSchema> tables() {
        return SummaryReporter.tables(enricher);
    }

    @Override
    ReportSpec<?> spec(TableSink sink) {
        return ReportSpec.merged(new SummaryReporter(sink, enricher));
    }

    @Override
    int defaultLimit() {
        return TOP;
    }
}
