package io.nsgflow.parse;

import io.nsgflow.diag.FileDiagnostics;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Streams the records of one input with Jackson's token parser, a record at a time, never a tree:
 * the entry point of parsing. Every record is handed on whole, so a file cut anywhere yields
 * exactly the records complete before the cut; bad JSON is reported with its offset and reading
 * goes on where it safely can ({@link RecordStream}). A reader keeps its record buffer from one
 * input to the next, so a thread reuses one reader for all its inputs; readers are not shared
 * between threads.
 */
public final class RecordReader {
    private final RawRecord record = new RawRecord();
    private final RecordFields fields = new RecordFields(record);

    /**
     * Reads {@code in} to its end, passing each record to {@code handler}, which must not keep
     * the record (it is reused). Problems go to {@code diag}.
     *
     * @return how many records were read
     */
    public long read(InputStream in, FileDiagnostics diag, Consumer<RawRecord> handler) {
        return new RecordStream(new ResumableInput(in), diag, record, fields, handler).read();
    }
}
