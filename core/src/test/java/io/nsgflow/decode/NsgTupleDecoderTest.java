package io.nsgflow.decode;

import static io.nsgflow.decode.Tuples.counters;
import static io.nsgflow.decode.Tuples.decode;
import static io.nsgflow.decode.Tuples.dst;
import static io.nsgflow.decode.Tuples.src;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.IpAddress;
import io.nsgflow.model.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NsgTupleDecoderTest {
    private final NsgTupleDecoder v1 = new NsgTupleDecoder(1);
    private final NsgTupleDecoder v2 = new NsgTupleDecoder(2);

    @Test
    void version1TupleFieldByField() throws TupleException {
        FlowRow r = decode(v1, "1542110377,13.67.143.118,10.0.0.4,44931,443,T,I,D");

        assertThat(r.timeMillis()).isEqualTo(1_542_110_377_000L);
        assertThat(src(r)).isEqualTo("13.67.143.118");
        assertThat(IpAddress.isV4(r.srcHi(), r.srcLo())).isTrue();
        assertThat(dst(r)).isEqualTo("10.0.0.4");
        assertThat(r.srcPort()).isEqualTo(44931);
        assertThat(r.dstPort()).isEqualTo(443);
        assertThat(r.protocol()).isEqualTo(Protocol.TCP);
        assertThat(r.direction()).isEqualTo(Direction.INBOUND);
        assertThat(r.action()).isEqualTo(Action.DENY);
        assertThat(r.state()).as("version 1 has no flow state").isNull();
        assertThat(r.hasCounters()).isFalse();
        assertThat(counters(r)).isEqualTo("-1,-1,-1,-1");
        assertThat(r.encryption()).isNull();
    }

    @Test
    void version2BeginTupleWithEmptyCounters() throws TupleException {
        FlowRow r = decode(v2, "1542110377,10.0.0.4,13.67.143.118,59831,443,T,O,A,B,,,,");

        assertThat(r.timeMillis()).isEqualTo(1_542_110_377_000L);
        assertThat(src(r)).isEqualTo("10.0.0.4");
        assertThat(dst(r)).isEqualTo("13.67.143.118");
        assertThat(r.srcPort()).isEqualTo(59831);
        assertThat(r.dstPort()).isEqualTo(443);
        assertThat(r.protocol()).isEqualTo(Protocol.TCP);
        assertThat(r.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(r.action()).isEqualTo(Action.ALLOW);
        assertThat(r.state()).isEqualTo(FlowState.BEGIN);
        assertThat(r.hasCounters()).isFalse();
        assertThat(counters(r)).isEqualTo("-1,-1,-1,-1");
        assertThat(r.packets()).as("absent counters sum as zero").isZero();
        assertThat(r.encryption()).isNull();
    }

    /** The FORMAT.md walk-through tuple: counters filled on a B tuple, which real files leave empty. */
    @Test
    void version2BeginTupleWithFilledCountersAsInTheWalkThrough() throws TupleException {
        FlowRow r = decode(v2, "1635924568,10.1.0.4,52.239.169.164,49924,443,T,O,A,B,4,575,2,171");

        assertThat(r.timeMillis()).isEqualTo(1_635_924_568_000L);
        assertThat(src(r)).isEqualTo("10.1.0.4");
        assertThat(dst(r)).isEqualTo("52.239.169.164");
        assertThat(r.srcPort()).isEqualTo(49924);
        assertThat(r.dstPort()).isEqualTo(443);
        assertThat(r.protocol()).isEqualTo(Protocol.TCP);
        assertThat(r.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(r.action()).isEqualTo(Action.ALLOW);
        assertThat(r.state()).isEqualTo(FlowState.BEGIN);
        assertThat(r.packetsSrcToDst()).isEqualTo(4);
        assertThat(r.bytesSrcToDst()).isEqualTo(575);
        assertThat(r.packetsDstToSrc()).isEqualTo(2);
        assertThat(r.bytesDstToSrc()).isEqualTo(171);
        assertThat(r.packets()).isEqualTo(6);
        assertThat(r.bytes()).isEqualTo(746);
    }

    @ParameterizedTest
    @CsvSource({"C,CONTINUING", "E,END", "B,BEGIN"})
    void version2States(String letter, FlowState state) throws TupleException {
        FlowRow r = decode(v2, "1542110379,10.5.16.4,13.67.143.115,44931,443,T,O,A," + letter + ",30,16978,24,14008");

        assertThat(r.state()).isEqualTo(state);
        assertThat(counters(r)).isEqualTo("30,16978,24,14008");
    }

    @Test
    void deniedUdpTuple() throws TupleException {
        FlowRow r = decode(v2, "1542110402,94.102.49.190,10.5.16.4,28746,443,U,I,D,B,,,,");

        assertThat(r.protocol()).isEqualTo(Protocol.UDP);
        assertThat(r.direction()).isEqualTo(Direction.INBOUND);
        assertThat(r.action()).isEqualTo(Action.DENY);
        assertThat(r.state()).isEqualTo(FlowState.BEGIN);
    }

    @Test
    void ipv6Addresses() throws TupleException {
        FlowRow r = decode(v2, "1715612533,2001:db8:0:2::5,2001:DB8:FFFF::A,51744,443,T,O,A,B,,,,");

        assertThat(IpAddress.isV4(r.srcHi(), r.srcLo())).isFalse();
        assertThat(src(r)).isEqualTo("2001:db8:0:2::5");
        assertThat(dst(r)).isEqualTo("2001:db8:ffff::a");
        assertThat(r.srcHi()).isEqualTo(0x20010db800000002L);
        assertThat(r.srcLo()).isEqualTo(5L);
    }

    @Test
    void countersBeyondIntRangeAndPortExtremes() throws TupleException {
        FlowRow r = decode(v2, "1542110379,10.0.0.1,10.0.0.2,0,65535,T,O,A,E,3000000000,9000000000000,0,0");

        assertThat(r.srcPort()).isZero();
        assertThat(r.dstPort()).isEqualTo(65535);
        assertThat(r.packetsSrcToDst()).isEqualTo(3_000_000_000L);
        assertThat(r.bytesSrcToDst()).isEqualTo(9_000_000_000_000L);
    }

    @Test
    void aReusedRowLosesTheCountersOfTheTupleBefore() throws TupleException {
        FlowRow row = decode(v2, "1542110379,10.5.16.4,13.67.143.115,44931,443,T,O,A,C,30,16978,24,14008");
        decode(v1, "1542110380,10.0.0.9,10.0.0.8,1,2,U,I,A", row);

        assertThat(row.state()).isNull();
        assertThat(row.hasCounters()).isFalse();
        assertThat(row.protocol()).isEqualTo(Protocol.UDP);
        assertThat(src(row)).isEqualTo("10.0.0.9");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1542110377,13.67.143.118,10.0.0.4,44931,443,T,I,D,B,,,,", // version 2 given to version 1
        "1542110377,13.67.143.118,10.0.0.4,44931,443,6,I,D", // protocol number, as VNet writes it
        "1542110377,13.67.143.118,10.0.0.4,44931,443,T,X,D", // direction
        "1542110377,13.67.143.118,10.0.0.4,44931,443,T,I,B", // decision
        "1542110377,13.67.143.118,10.0.0.4,44931,65536,T,I,D", // port
        "1542110377,13.67.143.318,10.0.0.4,44931,443,T,I,D", // address
        ",13.67.143.118,10.0.0.4,44931,443,T,I,D", // timestamp
    })
    void version1Rejects(String tuple) {
        assertThatThrownBy(() -> decode(v1, tuple)).isInstanceOf(TupleException.class);
    }

    @Test
    void version2RejectsStateDAndPartlyEmptyCounters() {
        assertThatThrownBy(() -> decode(v2, "1542110377,10.0.0.4,10.0.0.5,1,2,T,O,A,D,,,,"))
                .hasMessageContaining("flow state (field 9) 'D' is not B, C or E");
        assertThatThrownBy(() -> decode(v2, "1542110377,10.0.0.4,10.0.0.5,1,2,T,O,A,E,1,,1,1"))
                .hasMessageContaining("partly empty");
        assertThatThrownBy(() -> decode(v2, "1542110377,10.0.0.4,10.0.0.5,1,2,T,O,A"))
                .hasMessageContaining("NSG v2 tuple needs 13 fields, found 8");
    }

    @Test
    void onlyVersionsOneAndTwoExist() {
        assertThatThrownBy(() -> new NsgTupleDecoder(3)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Issue 18 #14: NSG flow logs count time in seconds, so twelve digits are a year past 5138, not 1978. */
    @Test
    void nsgTwelveDigitTimestampIsSecondsNotMilliseconds() throws TupleException {
        FlowRow r = decode(v2, "253402300799,10.0.0.4,13.67.143.118,59831,443,T,O,A,B,,,,");

        assertThat(r.timeMillis()).isEqualTo(253_402_300_799_000L);
        assertThatThrownBy(() -> decode(v2, "1715677210000,10.0.0.4,13.67.143.118,59831,443,T,O,A,B,,,,"))
                .hasMessageContaining("timestamp (field 1) '1715677210000' is out of range (max 253402300799)");
    }

    /** Issue 18 #15: one rule for numbers with leading zeros; the value decides, for a counter as for a port. */
    @Test
    void counterWithLeadingZerosReadsLikeAPortWithLeadingZeros() throws TupleException {
        FlowRow r = decode(v2, "1542110377,10.0.0.4,13.67.143.118,00000000000000000000059831,0443,T,O,A,E,0000000000000000000001,0002,03,04");

        assertThat(r.srcPort()).isEqualTo(59831);
        assertThat(r.dstPort()).isEqualTo(443);
        assertThat(counters(r)).isEqualTo("1,2,3,4");
    }

    /** Issue 18 #10: a counter near 2^63 is damage, refused with its tuple, so that no sum can wrap. */
    @Test
    void counterAboveTwoToTheFortyEightIsOutOfRange() throws TupleException {
        assertThat(counters(decode(v2, "1542110377,10.0.0.4,13.67.143.118,59831,443,T,O,A,E,1,281474976710655,1,1")))
                .isEqualTo("1,281474976710655,1,1");
        assertThatThrownBy(() -> decode(v2, "1542110377,10.0.0.4,13.67.143.118,59831,443,T,O,A,E,1,4611686018427387904,1,1"))
                .hasMessageContaining("bytes src->dst (field 11) '4611686018427387904' is out of range (max 281474976710655)");
    }
}
