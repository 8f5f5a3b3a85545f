package io.nsgflow.cli;

import io.nsgflow.format.OutputFormat;
import picocli.CommandLine.Option;

/** How the result is written. */
public final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = Converters.FormatConverter.class,
            description = "table, csv, tsv, json or ndjson (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--no-header", description = "Leave out the header line (csv, tsv, table).")
    boolean noHeader;
}
