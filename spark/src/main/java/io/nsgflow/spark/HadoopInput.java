package io.nsgflow.spark;

import io.nsgflow.source.Gzip;
import io.nsgflow.source.Input;
import io.nsgflow.source.PathMetadata;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** A blob on any file system Hadoop reads (local, abfss://, wasbs://, dbfs:/), as a core {@link Input}. */
record HadoopInput(BlobListing.Blob blob, Configuration conf) implements Input {
    @Override
    public String name() {
        return blob.name();
    }

    @Override
    public PathMetadata meta() {
        return PathMetadata.of(blob.uri());
    }

    @Override
    public InputStream open() throws IOException {
        Path path = new Path(blob.uri());
        return Gzip.decompressIfGzip(path.getFileSystem(conf).open(path));
    }
}
