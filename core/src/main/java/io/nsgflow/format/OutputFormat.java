package io.nsgflow.format;

/** The output formats, by the name users give to {@code --format}. */
public enum OutputFormat {
    TABLE,
    CSV,
    TSV,
    JSON,
    NDJSON,
    /** Typed columns in a file (see {@code io.nsgflow.format.parquet}); {@code flows} only, to {@code -o}. */
    PARQUET;

    /**
     * A writer of this format.
     *
     * @param header         write column headers (CSV, TSV, table)
     * @param multipleTables the report has more than one table, so rows say which they belong to
     */
    public TableWriter writer(TextOut out, boolean header, boolean multipleTables) {
        return switch (this) {
            case TABLE -> new AlignedTableWriter(out, header, multipleTables);
            case CSV -> new DelimitedWriter(out, ',', header, multipleTables);
            case TSV -> new DelimitedWriter(out, '\t', header, multipleTables);
            case JSON -> new JsonTableWriter(out, false, multipleTables);
            case NDJSON -> new JsonTableWriter(out, true, multipleTables);
            case PARQUET -> throw new IllegalStateException("parquet is written by its own reporter, not as text");
        };
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

    /** True for a format written to a file of its own rather than as text. */
    public boolean binary() {
        return this == PARQUET;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
