package io.nsgflow.cli;

import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TableWriter;
import io.nsgflow.format.parquet.ParquetFlowsReporter;
import io.nsgflow.report.FlowField;
import io.nsgflow.report.FlowsReporter;
import io.nsgflow.report.Reporter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;

@Command(name = "flows",
        description = "One row per flow tuple, as it is read.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow flows PT1H.json",
            "  nsgflow flows --action deny --direction in --format csv logs/ > denied.csv",
            "  nsgflow flows -f ndjson --dst-port 22,3389 logs/ | jq -r .srcIp | sort | uniq -c",
            "  nsgflow flows --fields time,srcIp,dstIp,dstPort,rule -f tsv PT1H.json.gz | grep 10.0.0.4",
            "  nsgflow flows -f parquet -o flows.parquet logs/ && duckdb -c \"select rule, count(*) from 'flows.parquet' group by 1\"",
            "",
            "Fields (default: all for csv/tsv/json/ndjson; a screen's worth for table):",
            "  time version subscription resourceGroup nsg rule mac srcIp dstIp srcPort dstPort protocol",
            "  direction action state packetsSrcToDst bytesSrcToDst packetsDstToSrc bytesDstToSrc",
            "  encryption aclId targetResource flowLog"
        })
final class FlowsCommand extends ReportCommand {
    @Option(names = "--fields", paramLabel = "LIST", converter = Converters.FieldsConverter.class,
            description = "Columns to write, in this order (comma separated), or 'all'.")
    List<FlowField> fields;

    @Option(names = "--rows-per-file", paramLabel = "N", defaultValue = "10000000",
            description = "With -f parquet -o FOLDER/: rows per file (default: ${DEFAULT-VALUE}, about 100 MB).")
    long rowsPerFile;

    @Override
    Reporter binaryReporter() {
        if (rowsPerFile < 1) {
            throw new ParameterException(spec.commandLine(), "--rows-per-file must be at least 1");
        }
        try {
            return ParquetFlowsReporter.open(Path.of(output.path), output.toFolder(), rowsPerFile,
                    fields != null ? fields : List.of(FlowField.values()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    Reporter reporter(TableWriter writer) {
        List<FlowField> chosen = fields != null ? fields
                : output.format == OutputFormat.TABLE ? FlowField.TABLE_DEFAULT : List.of(FlowField.values());
        return new FlowsReporter(writer, chosen);
    }
}
