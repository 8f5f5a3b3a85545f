package io.nsgflow.cli;

import io.nsgflow.report.ConversationsReporter;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "conversations",
        description = "Version-2 and VNet tuples stitched by MAC and 5-tuple into one row per connection: first and "
                + "last seen, duration, state (complete when an E tuple closed it, open, or denied), whether it "
                + "began before the input, packets and bytes each way. Rows stream as connections close; those "
                + "still open follow, by first seen. Version-1 tuples have no state and are left out.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow conversations PT1H.json",
            "  nsgflow conversations --dst-port 443 -f csv logs/ > https-connections.csv",
            "  nsgflow conversations -f ndjson PT1H.json | jq -c 'select(.state==\"open\") | {srcIp, dstIp, dstPort}'",
            "  nsgflow conversations --sort bytesDstToSrc --limit 10 PT1H.json"
        })
final class ConversationsCommand extends ReportCommand {
    @Override
    List<TableSchema> tables() {
        return List.of(ConversationsReporter.SCHEMA);
    }

    /** Conversations are written as they close, so inputs are read one after another. */
    @Override
    ReportSpec<?> spec(TableSink sink) {
        return ReportSpec.inOrder(new ConversationsReporter(sink));
    }
}
