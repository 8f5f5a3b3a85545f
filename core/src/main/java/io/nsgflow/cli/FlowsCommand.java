package io.nsgflow.cli;

import io.nsgflow.report.FlowField;
import io.nsgflow.report.FlowsReporter;
import io.nsgflow.report.Reporter;
import io.nsgflow.result.Fields;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.SortKey;
import io.nsgflow.result.TableSink;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "flows",
        description = "One row per flow tuple, as it is read.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow flows PT1H.json",
            "  nsgflow flows --action deny --direction in --format csv logs/ > denied.csv",
            "  nsgflow flows -f ndjson --dst-port 22,3389 logs/ | jq -r .srcIp | sort | uniq -c",
            "  nsgflow flows --fields time,srcIp,dstIp,dstPort,rule -f tsv PT1H.json.gz | grep 10.0.0.4",
            "",
            "Fields (default: all but packets and bytes; a table shows what fits the terminal):",
            "  time version subscription resourceGroup nsg rule mac srcIp dstIp srcPort dstPort protocol",
            "  direction action state packetsSrcToDst bytesSrcToDst packetsDstToSrc bytesDstToSrc",
            "  packets bytes (both directions summed) encryption aclId targetResource flowLog"
        })
final class FlowsCommand extends ReportCommand {
    /**
     * The fields the reporter fills: those asked for (and those sorted by, which the sort needs
     * even when they are not shown), so that nothing else is computed per row.
     */
    private List<FlowField> fields() {
        if (output.fields == null) {
            return FlowField.DEFAULT;
        }
        if (output.fields.size() == 1 && output.fields.get(0).equalsIgnoreCase(Fields.ALL)) {
            return List.of(FlowField.values());
        }
        List<String> names = new ArrayList<>(output.fields);
        for (SortKey k : output.sort) {
            if (names.stream().noneMatch(k.column()::equalsIgnoreCase)) {
                names.add(k.column());
            }
        }
        return FlowField.byNames(names);
    }

    @Override
    List<TableSchema> tables() {
        return List.of(FlowsReporter.schema(List.of(FlowField.values())));
    }

    @Override
    Reporter reporter(TableSink sink) {
        return new FlowsReporter(sink, fields());
    }
}
