package io.nsgflow.spark;

import io.nsgflow.report.FlowField;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.util.SerializableConfiguration;

/** Sent to the executors: makes each task's reader. */
record BlobReaderFactory(SerializableConfiguration conf, boolean problems, List<FlowField> fields, Filter[] pushed)
        implements PartitionReaderFactory {
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        NsgflowScan.BlobPartition share = (NsgflowScan.BlobPartition) partition;
        HadoopInput input = new HadoopInput(share.piece().blob(), conf.value());
        return problems ? ProblemReader.read(input) : new BlobReader(input, share, fields, PushedFilters.build(pushed));
    }
}
