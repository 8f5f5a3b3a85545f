package io.nsgflow.cli;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.format.TableWriter;
import io.nsgflow.report.ConversationsReporter;
import io.nsgflow.report.ReportSpec;
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
            "  nsgflow conversations -f ndjson PT1H.json | jq -c 'select(.state==\"open\") | {srcIp, dstIp, dstPort}'"
        })
final class ConversationsCommand extends ReportCommand {
    private ConversationsReporter reporter;

    /** Conversations are written as they close, so inputs are read one after another. */
    @Override
    ReportSpec<?> spec(TableWriter writer) {
        reporter = new ConversationsReporter(writer);
        return ReportSpec.inOrder(reporter);
    }

    @Override
    void notes(Diagnostics diagnostics) {
        long skipped = reporter.statelessSkipped();
        if (skipped > 0) {
            diagnostics.print("note: " + skipped + " version-1 tuples left out: version 1 has no flow state to "
                    + "stitch into conversations (see them with 'flows' or 'top')");
        }
    }
}
