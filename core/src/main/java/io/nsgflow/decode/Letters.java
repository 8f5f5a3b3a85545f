package io.nsgflow.decode;

import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.Protocol;
import java.util.Arrays;

/**
 * What the one-letter fields of the formats mean, in one place for the fast path ({@link
 * TupleWords}, which looks bytes up) and the checked path (the decoders, which look chars up and
 * say what is wrong). A letter that means nothing gives -1 or null.
 */
final class Letters {
    private static final int ALL = 256;
    private static final int[] PROTOCOLS = new int[ALL];
    private static final Direction[] DIRECTIONS = new Direction[ALL];
    private static final Action[] DECISIONS = new Action[ALL];
    private static final FlowState[] NSG_STATES = new FlowState[ALL];
    private static final FlowState[] VNET_STATES = new FlowState[ALL];

    static {
        Arrays.fill(PROTOCOLS, -1);
        PROTOCOLS['T'] = Protocol.TCP;
        PROTOCOLS['U'] = Protocol.UDP;
        DIRECTIONS['I'] = Direction.INBOUND;
        DIRECTIONS['O'] = Direction.OUTBOUND;
        DECISIONS['A'] = Action.ALLOW;
        DECISIONS['D'] = Action.DENY;
        NSG_STATES['B'] = FlowState.BEGIN;
        NSG_STATES['C'] = FlowState.CONTINUING;
        NSG_STATES['E'] = FlowState.END;
        System.arraycopy(NSG_STATES, 0, VNET_STATES, 0, ALL);
        VNET_STATES['D'] = FlowState.DENY; // VNet's deny is a state, not a decision
    }

    private Letters() {
    }

    /** NSG's protocol letter, {@code T} or {@code U}, as its IANA number. */
    static int protocol(int letter) {
        return letter < ALL ? PROTOCOLS[letter] : -1;
    }

    /** {@code I} or {@code O}, in NSG and VNet tuples alike. */
    static Direction direction(int letter) {
        return letter < ALL ? DIRECTIONS[letter] : null;
    }

    /** NSG's decision letter, {@code A} or {@code D}. */
    static Action decision(int letter) {
        return letter < ALL ? DECISIONS[letter] : null;
    }

    /** NSG version 2's flow state: {@code B}, {@code C} or {@code E}. */
    static FlowState nsgState(int letter) {
        return letter < ALL ? NSG_STATES[letter] : null;
    }

    /** VNet's flow state: {@code B}, {@code C}, {@code E}, or {@code D} for a denied flow. */
    static FlowState vnetState(int letter) {
        return letter < ALL ? VNET_STATES[letter] : null;
    }
}
