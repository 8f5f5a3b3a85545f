package io.nsgflow.decode;

import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.Encryption;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;

/**
 * VNet flow-log tuples, thirteen fields:
 * {@code time,srcIp,dstIp,srcPort,dstPort,protocolNumber,I|O,B|C|E|D,encryption,} and four
 * counters. Unlike NSG version 2, the state is the eighth field and there is no decision letter:
 * state {@code D} is the deny.
 */
public final class VnetTupleDecoder implements TupleDecoder {
    /** VNet's protocol is an IANA protocol number, which fits a byte. */
    static final long MAX_PROTOCOL = 255;

    private final TupleWords words = new TupleWords();
    private final TupleFields fields = new TupleFields();

    @Override
    public void decode(byte[] buf, int off, int len, FlowRow row) throws TupleException {
        if (!words.vnet(buf, off, len, row)) {
            decodeChecked(buf, off, len, row);
        }
    }

    /** The checked path alone: for every tuple the fast path leaves, and what the fast path must agree with. */
    void decodeChecked(byte[] buf, int off, int len, FlowRow row) throws TupleException {
        fields.reset(buf, off, len, 13, "VNet");
        fields.nextEndpoints(row, false);
        row.setProtocol((int) fields.nextLong("protocol", MAX_PROTOCOL));
        Direction direction = NsgTupleDecoder.direction(fields, fields.nextLetter("direction"));
        FlowState state = Letters.vnetState(fields.nextLetter("flow state"));
        if (state == null) {
            throw fields.error("flow state", "is not B, C, E or D");
        }
        int encryption = fields.nextRaw("encryption");
        String known = Encryption.known(fields.buffer(), encryption, fields.lastLength());
        row.setEncryption(known != null ? known : fields.lastText());
        fields.nextCounters(row);
        fields.end();
        row.setDecision(direction, state == FlowState.DENY ? Action.DENY : Action.ALLOW, state);
    }
}
