package io.nsgflow.format.parquet;

import io.nsgflow.format.OutputException;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.FlowField;
import io.nsgflow.report.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * {@code flows -f parquet}: the rows, typed, into one Parquet file, or into a folder of files of
 * at most {@code rowsPerFile} rows each ({@code flows-00000.parquet}, ...), so that a reader can
 * spread a large export over its threads or executors. Memory is one row group, however long the
 * input.
 *
 * <p>This is the only class the CLI names from the Parquet package, and only when Parquet is
 * asked for, so that Parquet's classes never load otherwise.
 */
public final class ParquetFlowsReporter implements Reporter {
    /**
     * Row groups of 64 MB (before compression): large enough for column statistics and dictionary
     * pages to pay, small enough that DuckDB and Spark read one file on several threads.
     */
    static final long ROW_GROUP_BYTES = 64L << 20;
    /** The names of the files written into a folder; an existing one makes the export refuse. */
    static final String PART_GLOB = "flows-*.parquet";

    private final Path target;
    private final boolean folder;
    private final long rowsPerFile;
    private final FlowWriteSupport support;
    private ParquetWriter<FlowRow> writer;
    private long rowsInFile;
    private int files;

    private ParquetFlowsReporter(Path target, boolean folder, long rowsPerFile, List<FlowField> fields) {
        this.target = target;
        this.folder = folder;
        this.rowsPerFile = rowsPerFile;
        this.support = new FlowWriteSupport(fields);
    }

    /**
     * A reporter writing {@code fields} to the file {@code target}, or, when {@code folder}, to
     * files of at most {@code rowsPerFile} rows in the folder {@code target}. A file is written
     * even when no row passes the filters, so that a reader finds the schema; but only once a row
     * comes or the answer is finished: a read that finds not one record leaves no file behind.
     *
     * @throws IllegalArgumentException when the folder already holds exported files, which a
     *                                  reader of the folder would mix with the new ones
     */
    public static Reporter open(Path target, boolean folder, long rowsPerFile, List<FlowField> fields) {
        if (folder) {
            try (var old = Files.newDirectoryStream(target, PART_GLOB)) {
                if (old.iterator().hasNext()) {
                    throw new IllegalArgumentException(target + " already holds " + PART_GLOB
                            + " files from an earlier export; choose an empty or new folder");
                }
            } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
                // a new folder: made at the first file
            } catch (IOException e) {
                throw new OutputException(e);
            }
        }
        return new ParquetFlowsReporter(target, folder, rowsPerFile, fields);
    }

    @Override
    public void accept(FlowRow row) {
        if (writer == null) {
            nextFile();
        } else if (folder && rowsInFile == rowsPerFile) {
            close();
            nextFile();
        }
        try {
            writer.write(row);
        } catch (IOException e) {
            throw new OutputException(e);
        }
        rowsInFile++;
    }

    @Override
    public void finish(ReadStats stats) {
        if (writer == null) {
            nextFile();
        }
        close();
    }

    /** The rows before a {@code --strict} stop are good: the file is closed with them. */
    @Override
    public void stop() {
        finish(null);
    }

    private void nextFile() {
        try {
            Path file = target;
            if (folder) {
                Files.createDirectories(target);
                file = target.resolve(String.format(Locale.ROOT, "flows-%05d.parquet", files));
            }
            writer = new Builder(file, support)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new ZstdCodecs())
                    .withCompressionCodec(CompressionCodecName.ZSTD)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .build();
        } catch (IOException e) {
            throw new OutputException(e);
        }
        files++;
        rowsInFile = 0;
    }

    private void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    /** Parquet's builder needs a subclass to name the write support. */
    private static final class Builder extends ParquetWriter.Builder<FlowRow, Builder> {
        private final FlowWriteSupport support;

        Builder(Path file, FlowWriteSupport support) {
            super(new LocalOutputFile(file));
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected FlowWriteSupport getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected FlowWriteSupport getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return support;
        }
    }
}
