package io.nsgflow.parse;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Jackson's UTF-8 parser, able to hand the plain strings of an array straight from its input
 * buffer ({@link #addPlainTuples}): the {@code flowTuples} strings, which are most of a flow log,
 * then cost one scan of their bytes instead of Jackson's tokenising, decoding to {@code char[]}
 * and a copy. Anything else in the array (an escape, a control character, a non-ASCII byte, a
 * string across the buffer's end, another type, bad JSON, its end) is left to Jackson, which
 * reads it as it always does, with its own messages; so the parser's state after the method is
 * the state Jackson would be in had it read those strings itself. {@link Json#FACTORY} makes
 * this parser wherever Jackson would make its UTF-8 one.
 */
final class TupleBytesParser extends UTF8StreamJsonParser {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    TupleBytesParser(IOContext ctxt, int features, InputStream in, ObjectCodec codec, ByteQuadsCanonicalizer sym,
            byte[] buffer, int start, int end, int bytesPreProcessed) {
        super(ctxt, features, in, codec, sym, buffer, start, end, bytesPreProcessed, true);
    }

    /**
     * Adds to {@code record} the array's next elements while they are plain strings wholly in the
     * input buffer: every byte from the opening to the closing quote printable ASCII (0x20-0x7E)
     * other than a backslash. Each element (the whitespace and comma before it, and the string)
     * is taken whole or not at all. A string within the buffer (8000 bytes) is far below
     * {@link Json#MAX_STRING}, so no limit Jackson enforces is passed over. Entry: in an array, on its START_ARRAY or on the last token of
     * an element. Return: on the last string taken (its text is not in the parser: the caller's
     * next call is {@code nextToken}), or where it was on entry when none was; the next byte is
     * Jackson's to read.
     */
    void addPlainTuples(RawRecord record) throws IOException {
        if (_tokenIncomplete || !_parsingContext.inArray()) {
            return;
        }
        final byte[] buf = _inputBuffer;
        final int end = _inputEnd;
        boolean commaDue = _parsingContext.getEntryCount() > 0;
        int ptr = _inputPtr;
        while (true) {
            int row = _currInputRow;
            int rowStart = _currInputRowStart;
            boolean comma = !commaDue;
            byte b;
            while (true) { // whitespace, the comma (where one is due), whitespace: as Jackson's _skipWSOrEnd and _skipWS
                if (ptr >= end) {
                    return;
                }
                b = buf[ptr];
                if (b == ' ' || b == '\t') {
                    ptr++;
                } else if (b == '\n') {
                    row++;
                    rowStart = ++ptr;
                } else if (b == '\r') {
                    if (++ptr >= end) {
                        return; // Jackson would read on to see whether a \n follows
                    }
                    if (buf[ptr] == '\n') {
                        ptr++;
                    }
                    row++;
                    rowStart = ptr;
                } else if (b == ',' && !comma) {
                    comma = true;
                    ptr++;
                } else {
                    break;
                }
            }
            if (b != '"' || !comma) {
                return;
            }
            int close = closingQuote(buf, ptr + 1, end);
            if (close < 0) {
                return;
            }
            // as Jackson's nextToken and getTextCharacters would leave it, in the same order
            _inputPtr = ptr + 1;
            _currInputRow = row;
            _currInputRowStart = rowStart;
            _parsingContext.expectComma();
            _tokenInputRow = row;
            _tokenInputTotal = _currInputProcessed + ptr + 1;
            _tokenInputCol = ptr + 1 - rowStart;
            _updateToken(JsonToken.VALUE_STRING);
            _binaryValue = null;
            _numTypesValid = NR_UNKNOWN;
            _inputPtr = close + 1;
            record.addTuple(buf, ptr + 1, close - ptr - 1);
            ptr = close + 1;
            commaDue = true;
        }
    }

    /**
     * The index of the quote that closes a plain string whose text starts at {@code from}, or -1
     * when a byte before it is not plain or the buffer ends first. Eight bytes at a time (which
     * measured faster than a byte loop over a table, as Jackson's): a byte sets its high
     * bit in the mask when it is a quote or a backslash (x - 1 borrows into the high bit only from
     * zero, and {@code & ~x} drops bytes whose own high bit is set), below 0x20 (x - 0x20 borrows), or
     * 0x7F and above (x + 1 carries into the high bit from 0x7F; 0x80-0xFE have it; 0xFF, which
     * wraps, has it after x - 0x20). A borrow or carry only crosses into the next byte from a byte
     * that sets its own bit, so the lowest bit set is exact.
     */
    private static int closingQuote(byte[] buf, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(buf, i);
            long quote = word ^ ONES * '"';
            long backslash = word ^ ONES * '\\';
            long stops = (quote - ONES & ~quote | backslash - ONES & ~backslash | word - ONES * 0x20 | word + ONES) & HIGHS;
            if (stops != 0) {
                i += Long.numberOfTrailingZeros(stops) >>> 3;
                return buf[i] == '"' ? i : -1;
            }
        }
        for (; i < end; i++) {
            byte b = buf[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b > 0x7E || b == '\\') {
                return -1;
            }
        }
        return -1;
    }
}
