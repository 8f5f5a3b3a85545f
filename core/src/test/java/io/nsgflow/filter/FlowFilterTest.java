package io.nsgflow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.decode.NsgTupleDecoder;
import io.nsgflow.decode.TupleDecoder;
import io.nsgflow.decode.TupleException;
import io.nsgflow.decode.VnetTupleDecoder;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.LogFormat;
import io.nsgflow.model.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FlowFilterTest {
    /** Inbound SSH from the internet, allowed, v2 begin; 2024-05-14T09:00:10Z. */
    private static final FlowRow SSH_IN = row(new NsgTupleDecoder(2), "1715677210,198.51.100.23,10.0.1.4,52144,22,T,I,A,B,,,,",
            "WEB-NSG", "UserRule_AllowSSH", "000D3A4F2B19");
    /** Outbound DNS, allowed, version 1 (no state); 2024-05-14T09:30:00Z. */
    private static final FlowRow DNS_OUT = row(new NsgTupleDecoder(1), "1715679000,10.0.1.4,10.0.0.10,53011,53,U,O,A",
            "WEB-NSG", "DefaultRule_AllowVnetOutBound", "000D3A4F2B19");
    /** A denied RDP probe, v2; 2024-05-14T10:00:00Z. */
    private static final FlowRow RDP_DENIED = row(new NsgTupleDecoder(2), "1715680800,203.0.113.9,10.0.2.4,40000,3389,T,I,D,B,,,,",
            "DB-NSG", "DefaultRule_DenyAllInBound", "000D3A4F7E62");
    /** VNet, encrypted, IPv6 ICMPv6; 2024-05-14T09:15:00.500Z. */
    private static final FlowRow VNET_V6 = row(new VnetTupleDecoder(), "1715678100500,2001:db8::5,2001:db8::6,0,0,58,O,C,X,1,2,3,4",
            null, "PlatformRule", "6045BDF1A207");
    /** VNet denial, not encrypted; 2024-05-14T09:20:00Z. */
    private static final FlowRow VNET_DENY = row(new VnetTupleDecoder(), "1715678400000,10.20.3.4,10.20.3.5,50000,22,6,O,D,NX_LOCAL_DST,0,0,0,0",
            null, "UserRule_DenySSHWithinSubnet", "6045BDF1C94E");
    private static final List<FlowRow> ALL = List.of(SSH_IN, DNS_OUT, RDP_DENIED, VNET_V6, VNET_DENY);

    private static FlowRow row(TupleDecoder decoder, String tuple, String nsg, String rule, String mac) {
        FlowRow row = new FlowRow();
        try {
            decoder.decode(tuple.getBytes(StandardCharsets.US_ASCII), 0, tuple.length(), row);
        } catch (TupleException e) {
            throw new AssertionError(tuple, e);
        }
        row.setContext(new FlowContext("test", 0, LogFormat.NSG_V2, 2, "sub", "RG", nsg, rule, mac, null, null, null));
        return row;
    }

    private static List<FlowRow> passing(Consumer<FlowFilter.Builder> criteria) {
        FlowFilter.Builder b = FlowFilter.builder();
        criteria.accept(b);
        FlowFilter f = b.build();
        return ALL.stream().filter(f).toList();
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void noCriteriaIsTheSharedPassEverythingFilter() {
        FlowFilter f = FlowFilter.builder().src(List.of()).port(List.of()).time(Long.MIN_VALUE, Long.MAX_VALUE).build();

        assertThat(f).isSameAs(FlowFilter.ALL);
        assertThat(ALL.stream().filter(f)).hasSize(ALL.size());
    }

    @Test
    void addresses() {
        assertThat(passing(b -> b.src(List.of(Cidr.parse("10.0.0.0/8"))))).containsExactly(DNS_OUT, VNET_DENY);
        assertThat(passing(b -> b.dst(List.of(Cidr.parse("10.0.0.0/8"))))).containsExactly(SSH_IN, DNS_OUT, RDP_DENIED, VNET_DENY);
        assertThat(passing(b -> b.ip(List.of(Cidr.parse("203.0.113.0/24"))))).containsExactly(RDP_DENIED);
        assertThat(passing(b -> b.ip(List.of(Cidr.parse("10.0.0.10"))))).as("either side").containsExactly(DNS_OUT);
        assertThat(passing(b -> b.src(List.of(Cidr.parse("::/0"))))).containsExactly(VNET_V6);
    }

    @Test
    void valuesOfOneCriterionOr() {
        assertThat(passing(b -> b.src(List.of(Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/24")))))
                .containsExactly(SSH_IN, RDP_DENIED);
        assertThat(passing(b -> b.dstPort(List.of(PortRanges.parse("22"), PortRanges.parse("3389")))))
                .containsExactly(SSH_IN, RDP_DENIED, VNET_DENY);
        assertThat(passing(b -> b.protocol(List.of(Protocol.UDP, Protocol.ICMPV6)))).containsExactly(DNS_OUT, VNET_V6);
        assertThat(passing(b -> b.rule(List.of(Glob.parse("UserRule_*"), Glob.parse("PlatformRule")))))
                .containsExactly(SSH_IN, VNET_V6, VNET_DENY);
    }

    @Test
    void differentCriteriaAnd() {
        assertThat(passing(b -> b.dstPort(List.of(PortRanges.parse("22,3389"))).action(List.of(Action.DENY))))
                .containsExactly(RDP_DENIED, VNET_DENY);
        assertThat(passing(b -> b.dstPort(List.of(PortRanges.parse("22,3389"))).action(List.of(Action.DENY))
                .direction(List.of(Direction.INBOUND)))).containsExactly(RDP_DENIED);
        assertThat(passing(b -> b.src(List.of(Cidr.parse("10.0.0.0/8"))).protocol(List.of(Protocol.ICMPV6)))).isEmpty();
    }

    @Test
    void ports() {
        assertThat(passing(b -> b.port(List.of(PortRanges.parse("53000-53100"))))).as("either port").containsExactly(DNS_OUT);
        assertThat(passing(b -> b.srcPort(List.of(PortRanges.parse("40000-52144"))))).containsExactly(SSH_IN, RDP_DENIED, VNET_DENY);
        assertThat(passing(b -> b.dstPort(List.of(PortRanges.parse("0"))))).containsExactly(VNET_V6);
    }

    @Test
    void statesAndVersionOneRows() {
        assertThat(passing(b -> b.state(List.of(FlowState.BEGIN)))).as("v1 rows have no state").containsExactly(SSH_IN, RDP_DENIED);
        assertThat(passing(b -> b.state(List.of(FlowState.DENY, FlowState.CONTINUING)))).containsExactly(VNET_V6, VNET_DENY);
        assertThat(passing(b -> b.action(List.of(Action.ALLOW)))).containsExactly(SSH_IN, DNS_OUT, VNET_V6);
    }

    @Test
    void namesAndMacs() {
        assertThat(passing(b -> b.nsg(List.of(Glob.parse("web-*"))))).containsExactly(SSH_IN, DNS_OUT);
        assertThat(passing(b -> b.nsg(List.of(Glob.parse("*"))))).as("VNet rows without an NSG").doesNotContain(VNET_V6);
        assertThat(passing(b -> b.mac(List.of(MacAddress.parse("00-0d-3a-4f-7e-62"), MacAddress.parse("60:45:BD:F1:A2:07"))))).containsExactly(RDP_DENIED, VNET_V6);
    }

    @Test
    void encryption() {
        assertThat(passing(b -> b.encryption(List.of("encrypted")))).containsExactly(VNET_V6);
        assertThat(passing(b -> b.encryption(List.of("unencrypted")))).as("NSG rows have none").containsExactly(VNET_DENY);
        assertThat(passing(b -> b.encryption(List.of("NX_LOCAL_DST")))).containsExactly(VNET_DENY);
        assertThat(passing(b -> b.encryption(List.of("NX")))).isEmpty();
    }

    @Test
    void timeIsHalfOpen() {
        assertThat(passing(b -> b.time(at("2024-05-14T09:15:00.500Z"), at("2024-05-14T10:00:00Z"))))
                .containsExactly(DNS_OUT, VNET_V6, VNET_DENY);
        assertThat(passing(b -> b.time(Long.MIN_VALUE, at("2024-05-14T09:00:10Z")))).isEmpty();
        assertThat(passing(b -> b.time(at("2024-05-14T10:00:00Z"), Long.MAX_VALUE))).containsExactly(RDP_DENIED);
    }
}
