package io.nsgflow.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.model.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    private static boolean contains(String block, String address) {
        long[] ip = new long[2];
        assertThat(IpAddress.parse(address, ip)).as("test address %s", address).isTrue();
        return Cidr.parse(block).contains(ip[0], ip[1]);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0, true",
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "10.0.0.0/8, 9.255.255.255, false",
        "10.1.2.3/8, 10.9.9.9, true", // host bits beyond the prefix are ignored
        "192.0.2.0/25, 192.0.2.127, true",
        "192.0.2.0/25, 192.0.2.128, false",
        "10.0.0.4, 10.0.0.4, true", // a bare address is a block of one
        "10.0.0.4, 10.0.0.5, false",
        "10.0.0.4/32, 10.0.0.4, true",
        "10.0.0.4/32, 10.0.0.5, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "0.0.0.0/0, 0.0.0.0, true",
        "2001:db8::/32, 2001:db8:ffff::a, true",
        "2001:db8::/32, 2001:db9::, false",
        "2001:db8:1:2::/64, 2001:db8:1:2:ffff:ffff:ffff:ffff, true",
        "2001:db8:1:2::/64, 2001:db8:1:3::, false",
        "2001:db8:1:2::/63, 2001:db8:1:3::, true",
        "2001:db8:1:2::/65, 2001:db8:1:2:8000::, false",
        "2001:db8:1:2::/65, 2001:db8:1:2:7fff::, true",
        "2001:db8::1/128, 2001:db8::1, true",
        "2001:db8::1/128, 2001:db8::2, false",
        "2001:db8::1, 2001:db8::1, true",
    })
    void containment(String block, String address, boolean expected) {
        assertThat(contains(block, address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "10.0.0.0/8", "0.0.0.0/1", "128.0.0.0/1"})
    void anIpv4BlockNeverMatchesIpv6(String block) {
        assertThat(contains(block, "::")).isFalse();
        assertThat(contains(block, "2001:db8::1")).isFalse();
        assertThat(contains(block, "::a00:1")).as("IPv4-compatible, not mapped").isFalse();
        assertThat(contains(block, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isFalse();
    }

    /** {@code --src ::/0} selects IPv6 flows; it used to match every IPv4 address too (they are held mapped). */
    @ParameterizedTest
    @ValueSource(strings = {"::/0", "::/1", "::/64", "::/80", "::/96"})
    void anIpv6BlockNeverMatchesIpv4(String block) {
        assertThat(contains(block, "10.0.0.4")).isFalse();
        assertThat(contains(block, "0.0.0.0")).isFalse();
        assertThat(contains(block, "::1")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"::ffff:10.0.0.0/104, ::ffff:10.1.2.3, true", "::ffff:0:0/96, ::ffff:203.0.113.9, true",
        "::ffff:10.0.0.0/104, ::ffff:11.0.0.1, false", "::ffff:10.0.0.0/104, 10.1.2.3, false", "::ffff:0:0/96, 203.0.113.9, false",
        "::/0, ::ffff:10.0.0.1, true", "10.0.0.0/8, ::ffff:10.0.0.1, false", "0.0.0.0/0, ::ffff:10.0.0.1, false",
        "::ffff:10.0.0.1, ::ffff:10.0.0.1, true"})
    void aBlockMatchesAddressesWrittenInItsFamilyMappedOnesBeingIpv6(String block, String address, boolean expected) {
        assertThat(contains(block, address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8x", "banana",
        "10.0.0/8", "/8", "", "2001:db8::/ 32"})
    void rejects(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/33, outside 0-32", "2001:db8::/129, outside 0-128", "banana, is not an IP address or CIDR block"})
    void saysWhyItRejects(String text, String why) {
        assertThatThrownBy(() -> Cidr.parse(text)).hasMessageContaining(why);
    }
}
