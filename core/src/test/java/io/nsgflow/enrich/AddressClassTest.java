package io.nsgflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.model.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressClassTest {
    @ParameterizedTest
    @CsvSource({
        "10.0.0.4, private", "172.16.0.1, private", "172.31.255.255, private", "172.32.0.0, public",
        "192.168.1.1, private", "fd12:3456::1, private", "fc00::1, private",
        "100.64.0.1, cgnat", "100.127.255.255, cgnat", "100.128.0.0, public",
        "127.0.0.1, loopback", "::1, loopback",
        "169.254.1.1, link-local", "fe80::1, link-local",
        "224.0.0.251, multicast", "ff02::fb, multicast",
        "192.0.2.1, documentation", "198.51.100.9, documentation", "203.0.113.200, documentation",
        "2001:db8::1, documentation", "3fff::1, documentation",
        "168.63.129.16, azure-platform", "168.63.129.17, public", "169.254.169.254, azure-platform",
        "0.0.0.0, reserved", "255.255.255.255, reserved", "198.18.0.1, reserved", ":: , reserved",
        "8.8.8.8, public", "20.38.107.36, public", "2603:1000::1, public"
    })
    void classifiesTheSpecialBlocksAndEverythingElseIsPublic(String address, String label) {
        long[] a = new long[2];
        assertThat(IpAddress.parse(address.strip(), a)).isTrue();
        assertThat(AddressClass.of(a[0], a[1]).label()).isEqualTo(label);
    }

    @Test
    void parsesLabelsAndNamesTheKnownOnesOtherwise() {
        assertThat(AddressClass.parse("Azure-Platform")).isEqualTo(AddressClass.AZURE_PLATFORM);
        assertThatThrownBy(() -> AddressClass.parse("intranet"))
                .hasMessageContaining("'intranet'").hasMessageContaining("private, cgnat");
    }
}
