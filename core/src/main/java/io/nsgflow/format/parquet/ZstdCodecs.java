package io.nsgflow.format.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * ZSTD page compression straight through zstd-jni. Parquet's own codec factory goes through
 * Hadoop's codec classes, which nsgflow does not ship; this one needs only zstd-jni.
 */
final class ZstdCodecs implements CompressionCodecFactory {
    /** zstd's default level: most of the ratio of higher levels at several times their speed. */
    static final int LEVEL = 3;

    private static final BytesInputCompressor COMPRESSOR = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.ZSTD;
        }

        @Override
        public void release() {
        }
    };

    private static final BytesInputDecompressor DECOMPRESSOR = new BytesInputDecompressor() {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            return BytesInput.from(Zstd.decompress(bytes.toByteArray(), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize) {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.duplicate().put(Zstd.decompress(in, decompressedSize));
        }

        @Override
        public void release() {
        }
    };

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return COMPRESSOR;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return DECOMPRESSOR;
    }

    @Override
    public void release() {
    }
}
