package io.nsgflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
    private static long[] parse(String text) {
        long[] out = new long[2];
        assertThat(IpAddress.parse(text, out)).as("parses %s", text).isTrue();
        return out;
    }

    @Test
    void ipv4IsHeldMappedIntoIpv6() {
        long[] ip = parse("10.0.0.4");

        assertThat(ip[0]).isZero();
        assertThat(ip[1]).isEqualTo(0x0000_FFFF_0A00_0004L);
        assertThat(IpAddress.isV4(ip[0], ip[1])).isTrue();
        assertThat(IpAddress.toString(ip[0], ip[1])).isEqualTo("10.0.0.4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "192.0.2.1", "168.63.129.16", "10.20.3.5"})
    void ipv4RoundTrips(String text) {
        long[] ip = parse(text);

        assertThat(IpAddress.toString(ip[0], ip[1])).isEqualTo(text);
        assertThat(ip[1]).isEqualTo(IpAddress.v4Lo((int) (ip[1] & 0xFFFFFFFFL)));
    }

    @Test
    void ipv6Forms() {
        assertThat(parse("::")).containsExactly(0, 0);
        assertThat(parse("::1")).containsExactly(0, 1);
        assertThat(parse("2001:db8::1")).containsExactly(0x2001_0db8_0000_0000L, 1);
        assertThat(parse("2001:0DB8:0000:0000:0000:0000:0000:0001")).containsExactly(0x2001_0db8_0000_0000L, 1);
        assertThat(parse("fe80::")).containsExactly(0xfe80_0000_0000_0000L, 0);
        assertThat(parse("1:2:3:4:5:6:7:8")).containsExactly(0x0001_0002_0003_0004L, 0x0005_0006_0007_0008L);
        assertThat(parse("1::8")).containsExactly(0x0001_0000_0000_0000L, 8);
    }

    @Test
    void aMappedAddressIsKeptApartFromItsIpv4AddressAndSpeltAsTheLogWritesIt() {
        long[] mapped = parse("::ffff:10.0.0.1");
        long[] v4 = parse("10.0.0.1");
        assertThat(mapped).as("written as IPv6, kept apart from the IPv4 address").isNotEqualTo(v4);
        assertThat(parse("0:0:0:0:0:FFFF:0a00:0001")).isEqualTo(mapped);
        assertThat(IpAddress.toString(mapped[0], mapped[1])).isEqualTo("::ffff:10.0.0.1");
        assertThat(IpAddress.isV4(mapped[0], mapped[1])).isFalse();
        assertThat(IpAddress.isMapped(mapped[0], mapped[1])).isTrue();
        assertThat(IpAddress.designatedHi(mapped[0], mapped[1])).as("looked up as the IPv4 address").isEqualTo(v4[0]);
        assertThat(mapped[1]).isEqualTo(v4[1]);

        long[] nat64 = parse("64:ff9b::192.0.2.33");
        assertThat(nat64).containsExactly(0x0064_ff9b_0000_0000L, 0xc000_0221L);
        assertThat(IpAddress.isV4(nat64[0], nat64[1])).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1", // two runs of equal length: the first is compressed
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", // a single zero group is not compressed
        "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::", // the longest run wins
        "0:0:0:0:0:0:0:0, ::",
        "0:0:0:0:0:0:0:1, ::1",
        "1:0:0:0:0:0:0:0, 1::",
        "FE80:0:0:0:0202:B3FF:FE1E:8329, fe80::202:b3ff:fe1e:8329",
        "2001:db8:ffff::a, 2001:db8:ffff::a",
    })
    void ipv6IsWrittenInRfc5952Form(String text, String expected) {
        long[] ip = parse(text);

        assertThat(IpAddress.toString(ip[0], ip[1])).isEqualTo(expected);
        assertThat(parse(expected)).as("the written form reads back").isEqualTo(ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3", "1.2.3.4 ", " 1.2.3.4", "a.b.c.d", "1.2.3.-4",
        ":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "1:2:3:4:5:6:7", ":1::", "1:", ":1", "g::1",
        "::ffff:256.0.0.1", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "1:2:3:4:5:6:7:8::", "[::1]",
    })
    void rejects(String text) {
        assertThat(IpAddress.parse(text, new long[2])).as("'%s'", text).isFalse();
    }

    @Test
    void parsesInPlaceWithinALargerBuffer() {
        char[] buf = "x,10.1.2.3,y".toCharArray();
        long[] out = new long[2];

        assertThat(IpAddress.parse(buf, 2, 8, out)).isTrue();
        assertThat(IpAddress.toString(out[0], out[1])).isEqualTo("10.1.2.3");
    }
}
