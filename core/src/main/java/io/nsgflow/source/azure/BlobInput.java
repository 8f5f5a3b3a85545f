package io.nsgflow.source.azure;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.ConsistentReadControl;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import io.nsgflow.source.Gzip;
import io.nsgflow.source.Input;
import io.nsgflow.source.PathMetadata;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
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
    private final Instant lastModified;
    private final PathMetadata meta;

    BlobInput(BlobContainerClient container, BlobUrl url, CredentialChoice credential, String blobName, String etag, long size,
            Instant lastModified) {
        this.container = container;
        this.url = url;
        this.credential = credential;
        this.blobName = blobName;
        this.etag = etag;
        this.size = size;
        this.lastModified = lastModified;
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

    /** When the blob was last written, as the listing gave it. */
    public Instant lastModified() {
        return lastModified;
    }

    /** The same blob as it is now (one properties request): for a read that found it changed since it was listed. */
    public BlobInput refreshed() throws IOException {
        BlobProperties p = call(() -> client().getProperties());
        return new BlobInput(container, url, credential, blobName, p.getETag(), p.getBlobSize(), p.getLastModified().toInstant());
    }

    /** Whether {@code e}, from {@link #openRange}, says the blob no longer has the ETag asked for: it changed since it was listed. */
    public static boolean changedSinceListed(IOException e) {
        BlobStorageException storage = StorageErrors.find(e, BlobStorageException.class);
        return storage != null && (storage.getStatusCode() == 412 || BlobErrorCode.CONDITION_NOT_MET.equals(storage.getErrorCode()));
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
