package io.nsgflow.parse;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The one {@link JsonFactory} nsgflow reads with, and the limits it enforces on input. Its
 * parsers of UTF-8 streams are {@link TupleBytesParser}s, which read {@code flowTuples} strings
 * straight from their input bytes; everything else is Jackson's own.
 */
public final class Json {
    /** Deeper than any flow log (they nest seven levels); deeper input is hostile or broken. */
    public static final int MAX_NESTING = 64;
    /** Tuples are about 60 characters; even free-text fields of other categories stay far below. */
    public static final int MAX_STRING = 1 << 20;

    public static final JsonFactory FACTORY = new TupleBytesFactory(builder());

    /** The same limits and features, with Jackson's parsers only: what the tests hold the tuple bytes' path to. */
    static final JsonFactory JACKSON_ONLY = builder().build();

    private Json() {
    }

    private static JsonFactoryBuilder builder() {
        return (JsonFactoryBuilder) JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(100)
                        .build())
                // the reader resumes on the same stream after bad JSON; the caller closes it
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE);
    }

    /**
     * Makes a {@link TupleBytesParser} where Jackson's ByteSourceJsonBootstrapper would make its
     * UTF-8 parser, from the same first bytes and with the same count of bytes skipped (a UTF-8
     * byte-order mark), so that offsets, lines and messages are Jackson's. Any other encoding it
     * detects (on a line or a resumed read of odd bytes; whole inputs reach Jackson as UTF-8
     * already: {@link Utf8Text}) goes to the bootstrapper itself, with the bytes looked at first.
     */
    private static final class TupleBytesFactory extends JsonFactory {
        private static final long serialVersionUID = 1L;
        /** The bytes the bootstrapper reads before it decides: what JSON's shortest content with a byte-order mark takes. */
        private static final int DETECT = 4;

        TupleBytesFactory(JsonFactoryBuilder b) {
            super(b);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            if (!isEnabled(Feature.CHARSET_DETECTION) || !isEnabled(Feature.CANONICALIZE_FIELD_NAMES)) {
                return super._createParser(in, ctxt);
            }
            byte[] buf = ctxt.allocReadIOBuffer();
            int n = 0;
            boolean eof = false;
            try {
                while (n < DETECT && !eof) { // as the bootstrapper's ensureLoaded: a read of 0 ends it too
                    int count = in.read(buf, n, buf.length - n);
                    eof = count < 1;
                    n += Math.max(count, 0);
                }
            } catch (IOException | RuntimeException e) {
                ctxt.close();
                throw e;
            }
            int skip = utf8Skip(buf, n);
            if (skip < 0) {
                byte[] head = Arrays.copyOf(buf, n);
                ctxt.releaseReadIOBuffer(buf);
                return super._createParser(new Replay(head, eof, in), ctxt);
            }
            ctxt.setEncoding(JsonEncoding.UTF8);
            return new TupleBytesParser(ctxt, _parserFeatures, in, _objectCodec,
                    _byteSymbolCanonicalizer.makeChild(_factoryFeatures), buf, skip, n, skip);
        }

        /**
         * The bytes a UTF-8 stream starting with {@code buf}'s {@code n} bytes skips (3 for a
         * byte-order mark, else 0), or -1 when the bootstrapper would take it for UTF-16 or UTF-32
         * (or refuse it): it looks at a byte-order mark and four bytes when there are four, at two
         * when there are two or three, and a UTF-8 stream's first two bytes are not zero.
         */
        static int utf8Skip(byte[] buf, int n) {
            if (n < 2) {
                return 0;
            }
            int b0 = buf[0] & 0xff;
            int b1 = buf[1] & 0xff;
            if (n >= DETECT && b0 == 0xEF && b1 == 0xBB && (buf[2] & 0xff) == 0xBF) {
                return 3;
            }
            boolean utf16Mark = b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE;
            return b0 != 0 && b1 != 0 && !(n >= DETECT && utf16Mark) ? 0 : -1;
        }
    }

    /** The bytes looked at first, then the rest of the stream (nothing more when it had ended). */
    private static final class Replay extends InputStream {
        private final byte[] head;
        private int pos;
        private final boolean ended;
        private final InputStream rest;

        Replay(byte[] head, boolean ended, InputStream rest) {
            this.head = head;
            this.ended = ended;
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            return pos < head.length ? head[pos++] & 0xff : ended ? -1 : rest.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos < head.length) {
                int n = Math.min(len, head.length - pos);
                System.arraycopy(head, pos, b, off, n);
                pos += n;
                return n;
            }
            return ended ? -1 : rest.read(b, off, len);
        }
    }
}
