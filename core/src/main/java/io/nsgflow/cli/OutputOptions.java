package io.nsgflow.cli;

import io.nsgflow.format.OutputFormat;
import io.nsgflow.result.Shape;
import io.nsgflow.result.SortKey;
import io.nsgflow.format.TextOut;
import io.nsgflow.format.WriterOptions;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How the result is written, and which of it: the same options, parsed the same way, for every report. */
public final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = Converters.FormatConverter.class,
            completionCandidates = Candidates.Formats.class,
            description = "table, csv, tsv, json, ndjson, or parquet (flows only, with -o) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Write to this file instead of stdout. With -f parquet, a folder (PATH ending in /, or an existing"
                    + " folder) receives files of at most --rows-per-file rows.")
    String path;

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

    /** True when {@code -o} names a folder: it ends in a separator or is one already. */
    boolean toFolder() {
        return path != null && (path.endsWith("/") || path.endsWith(java.io.File.separator)
                || java.nio.file.Files.isDirectory(java.nio.file.Path.of(path)));
    }

    /** What to show of the result; {@code defaultLimit} applies when no {@code --limit} is given. */
    Shape shape(int defaultLimit) {
        return new Shape(fields, sort, limit != null ? limit : defaultLimit, table);
    }

    /**
     * The sink a command writes {@code tables} to, through {@code --fields}, {@code --sort},
     * {@code --limit} and {@code --table}; checked before any input is read.
     *
     * @throws ParameterException when the options do not fit the tables or the format
     */
    TableSink sink(TextOut out, Terminal terminal, List<TableSchema> tables, int defaultLimit, CommandSpec spec) {
        Shape shape = shape(defaultLimit);
        try {
            shape.check(tables);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean multipleTables = shape.selected(tables).size() > 1;
        if (multipleTables && format.oneTablePerStream()) {
            throw new ParameterException(spec.commandLine(), spec.name() + " writes several tables and "
                    + format.label() + " holds one per stream: choose one with --table (" + Shape.names(tables) + ")");
        }
        int width = format.fitsTerminal() ? terminal.width().getAsInt() : 0;
        return shape.apply(format.writer(out, new WriterOptions(!noHeader, multipleTables, width, exact)));
    }
}
