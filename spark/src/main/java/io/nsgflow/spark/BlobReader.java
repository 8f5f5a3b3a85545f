package io.nsgflow.spark;

import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.FlowField;
import io.nsgflow.report.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;

/**
 * One task's rows: nsgflow's pipeline reads the blob (or its range) on a thread of its own, pushing rows as it
 * decodes them, and Spark pulls them here. A bounded queue of batches between the two keeps
 * memory flat however large the blob. Problems in the blob are logged, as the CLI words them,
 * and never fail the task.
 */
final class BlobReader implements PartitionReader<InternalRow> {
    private static final int BATCH = 1024;
    private static final int BATCHES_AHEAD = 8;
    /** Ends the queue: the blob is read. */
    private static final List<InternalRow> END = List.of();

    private final BlockingQueue<List<InternalRow>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread decoder;
    private volatile Throwable failure;
    private List<InternalRow> batch = List.of();
    private int next;
    private boolean done;

    BlobReader(HadoopInput input, NsgflowScan.BlobPartition share, List<FlowField> fields, FlowFilter filter) {
        FlowField[] chosen = fields.toArray(new FlowField[0]);
        decoder = new Thread(() -> {
            try {
                TaskPipeline.read(input, share, filter, new Reporter() {
                    private List<InternalRow> rows = new ArrayList<>(BATCH);

                    @Override
                    public void accept(FlowRow row) {
                        rows.add(FlowSparkSchema.row(row, chosen));
                        if (rows.size() == BATCH) {
                            put(rows);
                            rows = new ArrayList<>(BATCH);
                        }
                    }

                    @Override
                    public void finish(ReadStats stats) {
                        if (!rows.isEmpty()) {
                            put(rows);
                        }
                    }
                });
            } catch (Throwable t) {
                failure = t;
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "nsgflow " + input.name());
        decoder.setDaemon(true);
        decoder.start();
    }

    private void put(List<InternalRow> rows) {
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskPipeline.Cancelled();
        }
    }

    @Override
    public boolean next() throws java.io.IOException {
        while (next == batch.size()) {
            if (done) {
                return false;
            }
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading " + decoder.getName());
            }
            next = 0;
            if (batch == END) {
                done = true;
                if (failure != null && !(failure instanceof TaskPipeline.Cancelled)) {
                    throw new java.io.IOException(decoder.getName() + ": " + failure, failure);
                }
            }
        }
        return true;
    }

    @Override
    public InternalRow get() {
        return batch.get(next++);
    }

    /** Stops the decoder when Spark needs no more rows ({@code limit}, a cancelled task). */
    @Override
    public void close() {
        decoder.interrupt();
    }
}
