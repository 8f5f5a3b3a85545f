package io.nsgflow.cli;

import io.nsgflow.format.TableWriter;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.RulesReporter;
import picocli.CommandLine.Command;

@Command(name = "rules",
        description = "Per NSG (VNet: ACL) and rule: flows allowed and denied, tuples, packets, bytes, distinct "
                + "sources and destinations, and the busiest destination ports. Is this rule doing anything?",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow rules PT1H.json",
            "  nsgflow rules --rule 'UserRule_*' insights-logs-networksecuritygroupflowevent/",
            "  nsgflow rules -f ndjson logs/ | jq -c 'select(.denied > 0) | {rule, denied, topDstPorts}'"
        })
final class RulesCommand extends ReportCommand {
    @Override
    ReportSpec<?> spec(TableWriter writer) {
        return ReportSpec.merged(new RulesReporter(writer));
    }
}
