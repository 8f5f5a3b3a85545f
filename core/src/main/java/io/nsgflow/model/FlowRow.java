package io.nsgflow.model;

import java.io.Serializable;

/**
 * One decoded flow tuple with its context. Decoders fill one instance in place and hand it on, so
 * that decoding allocates nothing per tuple: a consumer that keeps anything must copy the fields
 * it needs before returning.
 *
 * <p>Addresses use {@link IpAddress}'s two-long form. Counters that the tuple leaves empty (every
 * version-1 tuple, version-2 {@code B} tuples) are {@link #ABSENT}.
 */
public final class FlowRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The value of a counter the tuple does not carry. */
    public static final long ABSENT = -1;

    private FlowContext context;
    private long timeMillis;
    private long srcHi;
    private long srcLo;
    private long dstHi;
    private long dstLo;
    private int srcPort;
    private int dstPort;
    private int protocol;
    private Direction direction;
    private Action action;
    private FlowState state;
    private String encryption;
    private long packetsSrcToDst;
    private long bytesSrcToDst;
    private long packetsDstToSrc;
    private long bytesDstToSrc;
    private boolean repeat;

    public FlowContext context() {
        return context;
    }

    public void setContext(FlowContext context) {
        this.context = context;
    }

    /** Milliseconds since the epoch, UTC. */
    public long timeMillis() {
        return timeMillis;
    }

    public long srcHi() {
        return srcHi;
    }

    public long srcLo() {
        return srcLo;
    }

    public long dstHi() {
        return dstHi;
    }

    public long dstLo() {
        return dstLo;
    }

    public int srcPort() {
        return srcPort;
    }

    public int dstPort() {
        return dstPort;
    }

    /** IANA protocol number; see {@link Protocol}. */
    public int protocol() {
        return protocol;
    }

    public Direction direction() {
        return direction;
    }

    public Action action() {
        return action;
    }

    /** Null for NSG version-1 tuples. */
    public FlowState state() {
        return state;
    }

    /** VNet only; null otherwise. */
    public String encryption() {
        return encryption;
    }

    public long packetsSrcToDst() {
        return packetsSrcToDst;
    }

    public long bytesSrcToDst() {
        return bytesSrcToDst;
    }

    public long packetsDstToSrc() {
        return packetsDstToSrc;
    }

    public long bytesDstToSrc() {
        return bytesDstToSrc;
    }

    /** A counter as every total counts it: an absent counter ({@link #ABSENT}) adds nothing. */
    public static long counted(long counter) {
        return Math.max(counter, 0);
    }

    /** Packets in both directions, each {@link #counted}: what every report sums. */
    public long packets() {
        return counted(packetsSrcToDst) + counted(packetsDstToSrc);
    }

    /** Bytes in both directions, each {@link #counted}: what every report sums. */
    public long bytes() {
        return counted(bytesSrcToDst) + counted(bytesDstToSrc);
    }

    public boolean hasCounters() {
        return packetsSrcToDst != ABSENT;
    }

    /**
     * True when the tuple repeats, identically, one read earlier in its record for the same MAC
     * (Azure writes some tuples twice): the same observation, listed as read by {@code flows} but
     * counted once by every report that counts.
     */
    public boolean isRepeat() {
        return repeat;
    }

    public void setRepeat(boolean repeat) {
        this.repeat = repeat;
    }

    /** Denied by its rule: decision {@code D} (NSG) or state {@code D} (VNet, decoded as action DENY). */
    public boolean isDenied() {
        return action == Action.DENY;
    }

    /**
     * True when this tuple is a whole flow by itself, with no other tuple of its connection to
     * stitch to it: a version-1 tuple (no state), a VNet deny, or an NSG {@code B} tuple with
     * decision {@code D} (denied connections never continue). Every other tuple is a step
     * ({@code B}, {@code C}, {@code E}) of a connection that may span many tuples.
     */
    public boolean isWholeFlow() {
        return state == null || state == FlowState.DENY || state == FlowState.BEGIN && action == Action.DENY;
    }

    public void setTime(long timeMillis) {
        this.timeMillis = timeMillis;
    }

    public void setSource(long hi, long lo, int port) {
        this.srcHi = hi;
        this.srcLo = lo;
        this.srcPort = port;
    }

    public void setDestination(long hi, long lo, int port) {
        this.dstHi = hi;
        this.dstLo = lo;
        this.dstPort = port;
    }

    public void setProtocol(int protocol) {
        this.protocol = protocol;
    }

    public void setDecision(Direction direction, Action action, FlowState state) {
        this.direction = direction;
        this.action = action;
        this.state = state;
    }

    public void setEncryption(String encryption) {
        this.encryption = encryption;
    }

    public void setCounters(long packetsSrcToDst, long bytesSrcToDst, long packetsDstToSrc, long bytesDstToSrc) {
        this.packetsSrcToDst = packetsSrcToDst;
        this.bytesSrcToDst = bytesSrcToDst;
        this.packetsDstToSrc = packetsDstToSrc;
        this.bytesDstToSrc = bytesDstToSrc;
    }

    /** A copy detached from the decoder's instance, for consumers that keep rows (tests, buffers). */
    public FlowRow copy() {
        FlowRow c = new FlowRow();
        c.copyFrom(this);
        return c;
    }

    /** Makes this row the same as {@code other}: how a kept row is reused rather than allocated. */
    public void copyFrom(FlowRow other) {
        context = other.context;
        timeMillis = other.timeMillis;
        setSource(other.srcHi, other.srcLo, other.srcPort);
        setDestination(other.dstHi, other.dstLo, other.dstPort);
        protocol = other.protocol;
        setDecision(other.direction, other.action, other.state);
        encryption = other.encryption;
        setCounters(other.packetsSrcToDst, other.bytesSrcToDst, other.packetsDstToSrc, other.bytesDstToSrc);
        repeat = other.repeat;
    }
}
