package io.nsgflow.cli;

import io.nsgflow.format.OutputFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the result is written. */
public final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = Converters.FormatConverter.class,
            description = "table, csv, tsv, json, ndjson, or parquet (flows only, with -o) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Write to this file instead of stdout. With -f parquet, a folder (PATH ending in /, or an existing"
                    + " folder) receives files of at most --rows-per-file rows.")
    String path;

    @Option(names = "--no-header", description = "Leave out the header line (csv, tsv, table).")
    boolean noHeader;

    /** True when {@code -o} names a folder: it ends in a separator or is one already. */
    boolean toFolder() {
        return path != null && (path.endsWith("/") || path.endsWith(java.io.File.separator)
                || java.nio.file.Files.isDirectory(Path.of(path)));
    }
}
