package io.nsgflow.decode;

import io.nsgflow.model.FlowRow;

/**
 * Decodes the text of one flow tuple in place, without a String per field.
 *
 * <p>Implementations are stateless apart from scratch space, and not thread-safe: one per reader.
 */
public interface TupleDecoder {
    /**
     * Fills {@code row}'s tuple fields (not its context) from {@code buf[off, off+len)}, the
     * tuple's UTF-8 text ({@link io.nsgflow.parse.TupleText}). The buffer belongs to the caller:
     * it is read, never kept.
     *
     * @throws TupleException when the text is not a valid tuple of this format
     */
    void decode(byte[] buf, int off, int len, FlowRow row) throws TupleException;
}
