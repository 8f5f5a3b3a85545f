package io.nsgflow.decode;

import static io.nsgflow.decode.Tuples.counters;
import static io.nsgflow.decode.Tuples.decode;
import static io.nsgflow.decode.Tuples.dst;
import static io.nsgflow.decode.Tuples.src;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.Encryption;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class VnetTupleDecoderTest {
    static final List<String> KNOWN_ENCRYPTION = Encryption.KNOWN;

    private final VnetTupleDecoder vnet = new VnetTupleDecoder();

    @Test
    void beginTupleFieldByField() throws TupleException {
        FlowRow r = decode(vnet, "1663146003599,10.0.0.6,192.241.207.122,443,36478,6,O,B,NX,0,0,0,0");

        assertThat(r.timeMillis()).as("13 digits are milliseconds").isEqualTo(1_663_146_003_599L);
        assertThat(src(r)).isEqualTo("10.0.0.6");
        assertThat(dst(r)).isEqualTo("192.241.207.122");
        assertThat(r.srcPort()).isEqualTo(443);
        assertThat(r.dstPort()).isEqualTo(36478);
        assertThat(r.protocol()).isEqualTo(Protocol.TCP);
        assertThat(r.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(r.state()).isEqualTo(FlowState.BEGIN);
        assertThat(r.action()).isEqualTo(Action.ALLOW);
        assertThat(r.encryption()).isEqualTo("NX");
        assertThat(r.hasCounters()).as("0,0,0,0 are counters, not absent ones").isTrue();
        assertThat(counters(r)).isEqualTo("0,0,0,0");
    }

    @Test
    void endTupleCounters() throws TupleException {
        FlowRow r = decode(vnet, "1663146022793,10.0.0.6,104.16.218.84,36776,443,6,O,E,NX,22,2217,33,32466");

        assertThat(r.state()).isEqualTo(FlowState.END);
        assertThat(r.packetsSrcToDst()).isEqualTo(22);
        assertThat(r.bytesSrcToDst()).isEqualTo(2217);
        assertThat(r.packetsDstToSrc()).isEqualTo(33);
        assertThat(r.bytesDstToSrc()).isEqualTo(32466);
    }

    @Test
    void stateDIsTheDeny() throws TupleException {
        FlowRow r = decode(vnet, "1663145998065,101.33.218.153,10.0.0.6,55188,22,6,I,D,NX,0,0,0,0");

        assertThat(r.state()).isEqualTo(FlowState.DENY);
        assertThat(r.action()).isEqualTo(Action.DENY);
        assertThat(r.direction()).isEqualTo(Direction.INBOUND);
        assertThat(r.isWholeFlow()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"B,BEGIN", "C,CONTINUING", "E,END"})
    void everyOtherStateIsAllowed(String letter, FlowState state) throws TupleException {
        FlowRow r = decode(vnet, "1663146003606,10.0.0.6,52.239.184.180,23956,443,6,O," + letter + ",NX,3,767,2,1580");

        assertThat(r.state()).isEqualTo(state);
        assertThat(r.action()).isEqualTo(Action.ALLOW);
    }

    @Test
    void tenDigitTimestampsAreSeconds() throws TupleException {
        FlowRow r = decode(vnet, "1663146003,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,0,0,0,0");

        assertThat(r.timeMillis()).isEqualTo(1_663_146_003_000L);
    }

    @ParameterizedTest
    @FieldSource("KNOWN_ENCRYPTION")
    void everyDocumentedEncryptionValueIsTheSharedConstant(String value) throws TupleException {
        FlowRow r = decode(vnet, "1663146003599,10.0.0.6,10.0.0.7,443,36478,6,O,B," + value + ",0,0,0,0");

        assertThat(r.encryption()).isSameAs(value);
    }

    @Test
    void anUnknownEncryptionValueIsKeptAsWritten() throws TupleException {
        FlowRow r = decode(vnet, "1663146003599,10.0.0.6,10.0.0.7,443,36478,6,O,B,NX_SOMETHING_NEW,0,0,0,0");

        assertThat(r.encryption()).isEqualTo("NX_SOMETHING_NEW");
        assertThat(Encryption.isEncrypted(r.encryption())).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"6,TCP", "17,UDP", "1,ICMP", "58,ICMPv6", "47,47", "0,0", "255,255"})
    void protocolNumbers(int number, String name) throws TupleException {
        FlowRow r = decode(vnet, "1663146003599,10.0.0.6,10.0.0.7,0,0," + number + ",O,B,NX,0,0,0,0");

        assertThat(r.protocol()).isEqualTo(number);
        assertThat(Protocol.name(r.protocol())).isEqualTo(name);
    }

    @Test
    void emptyCountersAsSomeMicrosoftPagesShowThem() throws TupleException {
        FlowRow r = decode(vnet, "1663146003599,10.0.0.6,10.0.0.7,443,36478,6,O,B,NX,,,,");

        assertThat(r.hasCounters()).isFalse();
        assertThat(counters(r)).isEqualTo("-1,-1,-1,-1");
    }

    @Test
    void ipv6AndIcmpv6() throws TupleException {
        FlowRow r = decode(vnet, "1715616013152,2001:db8::1,fe80::1:2,0,0,58,I,B,X,0,0,0,0");

        assertThat(src(r)).isEqualTo("2001:db8::1");
        assertThat(dst(r)).isEqualTo("fe80::1:2");
        assertThat(r.protocol()).isEqualTo(Protocol.ICMPV6);
        assertThat(Encryption.isEncrypted(r.encryption())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1663146003599,10.0.0.6,10.0.0.7,443,36478,T,O,A,B,0,0,0,0", // NSG v2 field order
        "1663146003599,10.0.0.6,10.0.0.7,443,36478,256,O,B,NX,0,0,0,0", // protocol above 255
        "1663146003599,10.0.0.6,10.0.0.7,443,36478,6,O,A,NX,0,0,0,0", // A is not a state
        "1663146003599,10.0.0.6,10.0.0.7,443,36478,6,O,B,,0,0,0,0", // empty encryption
        "1663146003599,10.0.0.6,10.0.0.7,443,36478,6,O,B,NX", // too few fields
    })
    void rejects(String tuple) {
        assertThatThrownBy(() -> decode(vnet, tuple)).isInstanceOf(TupleException.class);
    }
}
