package io.nsgflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.filter.Cidr;
import io.nsgflow.model.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefixTableTest {
    private static long[] ip(String text) {
        long[] a = new long[2];
        assertThat(IpAddress.parse(text, a)).as(text).isTrue();
        return a;
    }

    private static <V> V get(PrefixTable<V> t, String address) {
        long[] a = ip(address);
        return t.get(a[0], a[1]);
    }

    @Test
    void theLongestPrefixAnswersAndTheGapsAroundItFallBackToTheEnclosingOne() {
        PrefixTable<String> t = new PrefixTable.Builder<String>()
                .add(Cidr.parse("10.0.0.0/8"), "eight").add(Cidr.parse("10.1.0.0/16"), "sixteen")
                .add(Cidr.parse("10.1.2.0/24"), "twentyfour").add(Cidr.parse("10.1.2.3"), "host")
                .build(chain -> chain.get(0));
        assertThat(get(t, "10.1.2.3")).isEqualTo("host");
        assertThat(get(t, "10.1.2.4")).isEqualTo("twentyfour");
        assertThat(get(t, "10.1.2.2")).isEqualTo("twentyfour");
        assertThat(get(t, "10.1.3.0")).isEqualTo("sixteen");
        assertThat(get(t, "10.1.1.255")).isEqualTo("sixteen");
        assertThat(get(t, "10.2.0.0")).isEqualTo("eight");
        assertThat(get(t, "10.255.255.255")).isEqualTo("eight");
        assertThat(get(t, "11.0.0.0")).isNull();
        assertThat(get(t, "9.255.255.255")).isNull();
    }

    @Test
    void ipv6ZeroSlashZeroDoesNotSwallowIpv4AndTheEndOfTheSpaceIsReached() {
        PrefixTable<String> t = new PrefixTable.Builder<String>()
                .add(Cidr.parse("::/0"), "any6").add(Cidr.parse("0.0.0.0/0"), "any4")
                .add(Cidr.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"), "last")
                .add(Cidr.parse("255.255.255.255/32"), "last4")
                .build(chain -> chain.get(0));
        assertThat(get(t, "1.2.3.4")).isEqualTo("any4");
        assertThat(get(t, "255.255.255.255")).isEqualTo("last4");
        assertThat(get(t, "2001:db8::1")).isEqualTo("any6");
        assertThat(get(t, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isEqualTo("last");
        assertThat(get(t, "::")).isEqualTo("any6");
    }

    @Test
    void theChainHoldsEveryEnclosingPrefixMostSpecificFirstAndEntriesOfOnePrefixInOrder() {
        PrefixTable<List<String>> t = new PrefixTable.Builder<String>()
                .add(Cidr.parse("2001:db8::/32"), "wide").add(Cidr.parse("2001:db8:1::/48"), "a")
                .add(Cidr.parse("2001:db8:1::/48"), "b")
                .build(List::copyOf);
        assertThat(get(t, "2001:db8:1::9")).containsExactly("a", "b", "wide");
        assertThat(get(t, "2001:db8:2::9")).containsExactly("wide");
    }

    /** Random nested and disjoint blocks against a linear scan for the longest containing prefix. */
    @Test
    void agreesWithALinearScanOnRandomPrefixes() {
        Random random = new Random(14);
        List<Cidr> blocks = new ArrayList<>();
        PrefixTable.Builder<Cidr> b = new PrefixTable.Builder<>();
        for (int i = 0; i < 3000; i++) {
            int bits = 8 + random.nextInt(25);
            int base = (10 << 24) | random.nextInt(1 << 20) << 4; // crowded into 10/8 so that blocks nest
            Cidr c = Cidr.parse(((base >>> 24) & 255) + "." + ((base >>> 16) & 255) + "." + ((base >>> 8) & 255) + "."
                    + (base & 255) + "/" + bits);
            blocks.add(c);
            b.add(c, c);
        }
        PrefixTable<Cidr> t = b.build(chain -> chain.get(0));
        for (int i = 0; i < 20000; i++) {
            long lo = IpAddress.v4Lo((10 << 24) | random.nextInt(1 << 24));
            Cidr expected = null;
            for (Cidr c : blocks) {
                if (c.contains(0, lo) && (expected == null || c.bits() > expected.bits())) {
                    expected = c;
                }
            }
            Cidr actual = t.get(0, lo);
            if (expected == null) {
                assertThat(actual).isNull();
            } else {
                assertThat(actual).as(IpAddress.toString(0, lo)).isNotNull();
                assertThat(actual.bits()).isEqualTo(expected.bits());
                assertThat(actual.contains(0, lo)).isTrue();
            }
        }
    }
}
