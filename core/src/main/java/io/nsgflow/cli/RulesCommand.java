package io.nsgflow.cli;

import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.RulesReporter;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "rules",
        description = "Per NSG (VNet: ACL) and rule: flows allowed and denied, tuples, packets, bytes, distinct "
                + "sources and destinations, and every destination port with its flows, busiest first. "
                + "Is this rule doing anything?",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow rules PT1H.json",
            "  nsgflow rules --rule 'UserRule_*' insights-logs-networksecuritygroupflowevent/",
            "  nsgflow rules -f ndjson logs/ | jq -c 'select(.denied > 0) | {rule, denied, ports: .dstPorts[:3]}'"
        })
final class RulesCommand extends ReportCommand {
    @Override
    List<TableSchema> tables() {
        return List.of(RulesReporter.SCHEMA);
    }

    @Override
    ReportSpec<?> spec(TableSink sink) {
        return ReportSpec.merged(new RulesReporter(sink));
    }
}
