package io.nsgflow.cli;

import io.nsgflow.format.TableWriter;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.SummaryReporter;
import picocli.CommandLine.Command;

@Command(name = "summary",
        description = "The overview of everything read: inputs, records, tuples, flows, time range, NSGs, rules, MACs; "
                + "traffic each way; flows by direction and action and by protocol; the top 5 sources, destinations, "
                + "destination ports and denied sources; encryption (VNet); what was skipped and why.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow summary PT1H.json",
            "  nsgflow summary --direction in insights-logs-networksecuritygroupflowevent/",
            "  nsgflow summary -f json PT1H.json | jq '.overview[] | select(.item==\"flows\")'",
            "",
            "Tuples are the flow-tuple lines counted; flows are connections, each counted once (a B tuple,",
            "a VNet D tuple, every version-1 tuple, or the first C/E tuple of a connection begun before the",
            "input); packets and bytes sum both directions."
        })
final class SummaryCommand extends ReportCommand {
    @Override
    ReportSpec<?> spec(TableWriter writer) {
        return ReportSpec.merged(new SummaryReporter(writer));
    }

    @Override
    boolean multipleTables() {
        return true;
    }
}
