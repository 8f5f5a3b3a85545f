package io.nsgflow.format;

import io.nsgflow.result.TableSink;

/** The output formats, by the name users give to {@code --format}. */
public enum OutputFormat {
    TABLE,
    CSV,
    TSV,
    JSON,
    NDJSON,
    /** Typed columns in a file (see {@code io.nsgflow.format.parquet}); {@code flows} only, to {@code -o}. */
    PARQUET;

    /** A writer of this format. */
    public TableSink writer(TextOut out, WriterOptions options) {
        return switch (this) {
            case TABLE -> new AlignedTableWriter(out, options);
            case CSV -> new DelimitedWriter(out, ',', options.header());
            case TSV -> new DelimitedWriter(out, '\t', options.header());
            case JSON -> new JsonTableWriter(out, false, options.multipleTables());
            case NDJSON -> new JsonTableWriter(out, true, options.multipleTables());
            case PARQUET -> throw new IllegalStateException("parquet is written by its own reporter, not as text");
        };
    }

    /** True for the format that fits itself to the terminal's width (and so needs to know it). */
    public boolean fitsTerminal() {
        return this == TABLE;
    }

    /** True for the formats that hold one table per stream: a result of several needs one chosen. */
    public boolean oneTablePerStream() {
        return this == CSV || this == TSV;
    }

    /** True for a format written to a file of its own rather than as text. */
    public boolean binary() {
        return this == PARQUET;
    }

    /** @throws IllegalArgumentException naming the formats there are */
    public static OutputFormat parse(String name) {
        for (OutputFormat f : values()) {
            if (f.label().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (table, csv, tsv, json, ndjson, parquet)");
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
