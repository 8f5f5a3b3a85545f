package io.nsgflow.cli;

import io.nsgflow.format.OutputFormat;
import io.nsgflow.result.Shape;
import io.nsgflow.result.SortKey;
import java.util.List;
import picocli.CommandLine.Option;

/** How the result is written, and which of it: the same options, parsed the same way, for every report. */
public final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = Converters.FormatConverter.class,
            description = "table, csv, tsv, json or ndjson (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--fields", paramLabel = "LIST", converter = Converters.FieldsConverter.class,
            description = "Columns to write, in this order (comma separated), or 'all'.")
    List<String> fields;

    @Option(names = "--sort", paramLabel = "LIST", converter = Converters.SortConverter.class,
            description = "Sort rows by these columns: NAME[:asc|:desc],... (counts and bytes sort largest first "
                    + "unless :asc). Sorting a streamed report holds its rows (with --limit, only a few times N).")
    List<SortKey> sort = List.of();

    @Option(names = "--limit", paramLabel = "N", converter = Converters.LimitConverter.class,
            description = "Rows to write; 0 writes all.")
    Integer limit;

    @Option(names = "--table", paramLabel = "NAME",
            description = "Write only this table of a report that has several (needed for csv and tsv, which hold one).")
    String table;

    @Option(names = "--exact", description = "Tables show numbers in full (12345678) rather than readable (12.3 M). "
            + "Other formats are always exact.")
    boolean exact;

    @Option(names = "--no-header", description = "Leave out the header line (csv, tsv, table).")
    boolean noHeader;

    /** What to show of the result; {@code defaultLimit} applies when no {@code --limit} is given. */
    Shape shape(int defaultLimit) {
        return new Shape(fields, sort, limit != null ? limit : defaultLimit, table);
    }
}
