package io.nsgflow.decode;

import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.Protocol;

/**
 * NSG flow-log tuples. Version 1 has eight fields:
 * {@code time,srcIp,dstIp,srcPort,dstPort,T|U,I|O,A|D}; version 2 adds
 * {@code B|C|E} and four counters, which are empty on {@code B} tuples.
 */
public final class NsgTupleDecoder implements TupleDecoder {

    private final TupleFields fields = new TupleFields();
    private final boolean version2;
    private final String name;

    /** @param version 1 or 2 */
    public NsgTupleDecoder(int version) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("NSG flow logs have versions 1 and 2, not " + version);
        }
        this.version2 = version == 2;
        this.name = "NSG v" + version;
    }

    @Override
    public void decode(byte[] buf, int off, int len, FlowRow row) throws TupleException {
        fields.reset(buf, off, len, version2 ? 13 : 8, name);
        fields.nextEndpoints(row, true);
        row.setProtocol(protocol(fields.nextLetter("protocol")));
        Direction direction = direction(fields, fields.nextLetter("direction"));
        Action action = action(fields.nextLetter("decision"));
        FlowState state = null;
        if (version2) {
            state = state(fields.nextLetter("flow state"));
            fields.nextCounters(row);
        } else {
            row.setCounters(FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT);
        }
        fields.end();
        row.setDecision(direction, action, state);
        row.setEncryption(null);
    }

    private int protocol(char letter) throws TupleException {
        return switch (letter) {
            case 'T' -> Protocol.TCP;
            case 'U' -> Protocol.UDP;
            default -> throw fields.error("protocol", "is not T or U");
        };
    }

    /** Shared with the VNet decoder: both write {@code I} and {@code O}. */
    static Direction direction(TupleFields fields, char letter) throws TupleException {
        return switch (letter) {
            case 'I' -> Direction.INBOUND;
            case 'O' -> Direction.OUTBOUND;
            default -> throw fields.error("direction", "is not I or O");
        };
    }

    private Action action(char letter) throws TupleException {
        return switch (letter) {
            case 'A' -> Action.ALLOW;
            case 'D' -> Action.DENY;
            default -> throw fields.error("decision", "is not A or D");
        };
    }

    private FlowState state(char letter) throws TupleException {
        return switch (letter) {
            case 'B' -> FlowState.BEGIN;
            case 'C' -> FlowState.CONTINUING;
            case 'E' -> FlowState.END;
            default -> throw fields.error("flow state", "is not B, C or E");
        };
    }
}
