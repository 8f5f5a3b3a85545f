package io.nsgflow.source.azure;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.ConsistentReadControl;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import io.nsgflow.source.Gzip;
import io.nsgflow.source.Input;
import io.nsgflow.source.PathMetadata;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One blob of a storage account, streamed (no temp file) in chunks of {@link #CHUNK} bytes.
 * Every chunk after the first is asked for with the ETag the first one had, so a blob rewritten
 * or appended to during the read fails with a clear message instead of mixing two versions.
 * Besides {@link Input}, it tells what an incremental reader needs: the version listed (ETag,
 * length), the committed block list, and ranged reads.
 */
public final class BlobInput implements Input {
    /** Bytes per download request: large enough that most PT1H.json blobs are one request. */
    static final int CHUNK = 4 << 20;

    /** A committed block: its ID (base64, as the service gives it) and length in bytes. */
    public record Block(String id, long size) {
    }

    private final BlobContainerClient container;
    private final BlobUrl url;
    private final CredentialChoice credential;
    private final String blobName;
    private final String etag;
    private final long size;
    private final PathMetadata meta;

    BlobInput(BlobContainerClient container, BlobUrl url, CredentialChoice credential, String blobName, String etag, long size) {
        this.container = container;
        this.url = url;
        this.credential = credential;
        this.blobName = blobName;
        this.etag = etag;
        this.size = size;
        this.meta = PathMetadata.of(blobName);
    }

    /** The blob's URL without any query: a SAS never appears in a name. */
    @Override
    public String name() {
        return url.nameOf(blobName);
    }

    @Override
    public PathMetadata meta() {
        return meta;
    }

    @Override
    public InputStream open() throws IOException {
        BlobInputStreamOptions options = new BlobInputStreamOptions()
                .setBlockSize(CHUNK)
                .setConsistentReadControl(ConsistentReadControl.ETAG);
        return Gzip.decompressIfGzip(guarded(() -> client().openInputStream(options)));
    }

    /** The blob's name in its container. */
    public String blobName() {
        return blobName;
    }

    /** The ETag the listing gave: changes with every rewrite or append. */
    public String etag() {
        return etag;
    }

    /** The length in bytes the listing gave. */
    @Override
    public long size() {
        return size;
    }

    /**
     * The raw bytes (not decompressed) from {@code offset}, {@code count} of them or to the end when
     * null, read only while the blob still has {@code ifMatch} as its ETag (any ETag when null).
     */
    public InputStream openRange(long offset, Long count, String ifMatch) throws IOException {
        BlobInputStreamOptions options = new BlobInputStreamOptions()
                .setBlockSize(CHUNK)
                .setRange(new BlobRange(offset, count))
                .setRequestConditions(new BlobRequestConditions().setIfMatch(ifMatch))
                .setConsistentReadControl(ConsistentReadControl.ETAG);
        return guarded(() -> client().openInputStream(options));
    }

    /** The committed blocks, in order: Network Watcher appends a block per record before the closing {@code ]}} block. */
    public List<Block> committedBlocks() throws IOException {
        return call(() -> client().getBlockBlobClient().listBlocks(BlockListType.COMMITTED).getCommittedBlocks()
                .stream().map(b -> new Block(b.getName(), b.getSizeLong())).toList());
    }

    private BlobClient client() {
        return container.getBlobClient(blobName);
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    /** Runs one SDK call; what it throws becomes an IOException with a message for the user. */
    private <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (IOException | RuntimeException e) {
            throw StorageErrors.io(e, url, credential);
        }
    }

    /** Opens a stream whose reads, too, fail with messages for the user. */
    private InputStream guarded(Call<InputStream> open) throws IOException {
        return new FilterInputStream(call(open)) {
            @Override
            public int read() throws IOException {
                return call(super::read);
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return call(() -> super.read(b, off, len));
            }
        };
    }
}
