package io.nsgflow.decode;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.IpAddress;
import io.nsgflow.parse.TupleText;
import java.util.Arrays;

/** Feeds tuple text to a decoder the way the reader does: as its UTF-8 bytes, in the middle of a larger shared buffer. */
final class Tuples {
    private static final String BEFORE = "\"junk,1,2,";
    private static final String AFTER = ",9,9\"";

    private Tuples() {
    }

    /** Decodes {@code tuple} into {@code row}, which may hold an earlier tuple (decoders reuse one row). */
    static FlowRow decode(TupleDecoder decoder, String tuple, FlowRow row) throws TupleException {
        byte[] buf = bytes(BEFORE + tuple + AFTER);
        decoder.decode(buf, BEFORE.length(), buf.length - BEFORE.length() - AFTER.length(), row);
        return row;
    }

    /** {@code text} as the reader holds it ({@link TupleText#encode}): a lone surrogate too. */
    static byte[] bytes(String text) {
        byte[] b = new byte[text.length() * TupleText.MAX_BYTES_PER_CHAR];
        return Arrays.copyOf(b, TupleText.encode(text.toCharArray(), 0, text.length(), b, 0));
    }

    static FlowRow decode(TupleDecoder decoder, String tuple) throws TupleException {
        return decode(decoder, tuple, new FlowRow());
    }

    static String src(FlowRow row) {
        return IpAddress.toString(row.srcHi(), row.srcLo());
    }

    static String dst(FlowRow row) {
        return IpAddress.toString(row.dstHi(), row.dstLo());
    }

    /** The four counters as {@code a,b,c,d}, {@code -1} for an absent one. */
    static String counters(FlowRow row) {
        return row.packetsSrcToDst() + "," + row.bytesSrcToDst() + "," + row.packetsDstToSrc() + "," + row.bytesDstToSrc();
    }
}
