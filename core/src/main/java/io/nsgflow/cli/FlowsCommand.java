package io.nsgflow.cli;

import io.nsgflow.format.parquet.ParquetFlowsReporter;
import io.nsgflow.report.FlowField;
import io.nsgflow.report.FlowsReporter;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.Reporter;
import io.nsgflow.result.Fields;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.SortKey;
import io.nsgflow.result.TableSink;
import io.nsgflow.source.LocalPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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
            "Fields (default: all but packets and bytes; a table shows what fits the terminal):",
            "  time version subscription resourceGroup nsg rule mac srcIp dstIp srcPort dstPort protocol",
            "  direction action state packetsSrcToDst bytesSrcToDst packetsDstToSrc bytesDstToSrc",
            "  packets bytes (both directions summed) encryption aclId targetResource flowLog",
            "With enrichment (--enrich, --service-tags, --geoip, --ip-list), for src and dst, as the files allow:",
            "  srcClass srcTag srcRegion srcCountry srcAsn srcOrg srcLists dstClass dstTag ... dstLists"
        })
class FlowsCommand extends ReportCommand {
    /**
     * The fields the reporter fills: those asked for (and those sorted by, which the sort needs
     * even when they are not shown), so that nothing else is computed per row.
     */
    private List<FlowField> fields() {
        if (output.fields == null) {
            List<FlowField> fields = new ArrayList<>(FlowField.DEFAULT);
            if (enricher != null) {
                fields.addAll(enriched());
            }
            return fields;
        }
        if (output.fields.size() == 1 && output.fields.get(0).equalsIgnoreCase(Fields.ALL)) {
            return Stream.of(FlowField.values())
                    .filter(f -> f.address() == null || enricher != null && f.address().available(enricher)).toList();
        }
        List<String> names = new ArrayList<>(output.fields);
        for (SortKey k : output.sort) {
            if (names.stream().noneMatch(k.column()::equalsIgnoreCase)) {
                names.add(k.column());
            }
        }
        List<FlowField> fields = FlowField.byNames(names);
        for (FlowField f : fields) {
            if (f.address() != null && !f.address().available(enricher)) {
                throw new ParameterException(spec.commandLine(), "field " + f.column().name() + " needs " + f.address().needs());
            }
        }
        return fields;
    }

    /** The enrichment fields, both sides, that the files given can fill: none without enrichment. */
    private List<FlowField> enriched() {
        return Stream.of(FlowField.values()).filter(f -> f.address() != null && f.address().available(enricher)).toList();
    }

    @Option(names = "--rows-per-file", paramLabel = "N", defaultValue = "10000000",
            description = "With -f parquet -o FOLDER/: rows per file (default: ${DEFAULT-VALUE}, about 100 MB).")
    long rowsPerFile;

    @Override
    Reporter binaryReporter() {
        if (rowsPerFile < 1) {
            throw new ParameterException(spec.commandLine(), "--rows-per-file must be at least 1");
        }
        if (!output.sort.isEmpty() || output.limit != null || output.table != null) {
            throw new ParameterException(spec.commandLine(), "--sort, --limit and --table shape text output;"
                    + " a Parquet export holds every row (sort and limit in the reader: ORDER BY, LIMIT)");
        }
        List<FlowField> fields = fields();
        if (fields.stream().anyMatch(f -> f.address() != null)) {
            throw new ParameterException(spec.commandLine(), "enrichment fields are not in the Parquet export yet:"
                    + " leave out the enrichment options or name --fields without them");
        }
        try {
            return ParquetFlowsReporter.open(LocalPaths.of(output.path), output.toFolder(), rowsPerFile, fields);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    List<TableSchema> tables() {
        return List.of(FlowsReporter.schema(List.of(FlowField.values())));
    }

    @Override
    ReportSpec<?> spec(TableSink sink) {
        List<FlowField> fields = fields();
        boolean enriched = fields.stream().anyMatch(f -> f.address() != null);
        // rows stream as they are read; formatting them is worth a core of its own
        return ReportSpec.writtenAside(new FlowsReporter(sink, fields, enriched ? enricherOrBuiltIn() : null));
    }
}
