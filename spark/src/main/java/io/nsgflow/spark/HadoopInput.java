package io.nsgflow.spark;

import io.nsgflow.source.Gzip;
import io.nsgflow.source.Input;
import io.nsgflow.source.PathMetadata;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
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
    public long size() {
        return blob.size();
    }

    @Override
    public InputStream open() throws IOException {
        return Gzip.decompressIfGzip(raw());
    }

    /** A plain blob, not gzip (by its magic bytes): its ranges can be read apart. */
    @Override
    public boolean seekable() {
        try (InputStream in = raw()) {
            return !Gzip.startsWithMagic(in);
        } catch (IOException e) {
            return false; // open() will say why
        }
    }

    /** The blob's bytes from {@code offset} on: a ranged read, on abfss:// as on a local disk. */
    @Override
    public InputStream openAt(long offset) throws IOException {
        FSDataInputStream in = raw();
        try {
            in.seek(offset);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return in;
    }

    private FSDataInputStream raw() throws IOException {
        Path path = new Path(blob.uri());
        return path.getFileSystem(conf).open(path);
    }
}
