package io.nsgflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.model.IpAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpListsTest {
    static final Path DIR = Path.of("core/src/test/resources/enrich");

    private static List<String> in(IpLists lists, String address) {
        long[] a = new long[2];
        assertThat(IpAddress.parse(address, a)).isTrue();
        return lists.lookup(a[0], a[1]);
    }

    @Test
    void anAddressIsInEveryListThatHoldsItOnce() throws Exception {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("threats", DIR.resolve("threats.txt"));
        files.put("office", DIR.resolve("office.txt"));
        IpLists lists = IpLists.load(files);
        assertThat(lists.names()).containsExactly("threats", "office");
        assertThat(in(lists, "203.0.113.66")).containsExactly("threats");
        assertThat(in(lists, "203.0.113.67")).isEmpty();
        assertThat(in(lists, "45.33.32.156")).containsExactly("threats");
        assertThat(in(lists, "198.51.100.7")).containsExactly("office", "threats");
        assertThat(in(lists, "198.51.100.12")).containsExactly("office", "threats");
        assertThat(in(lists, "198.51.100.200")).containsExactly("threats");
        assertThat(in(lists, "2001:db8:bad:1::1")).containsExactly("threats");
        assertThat(in(lists, "2001:db8:bae::1")).isEmpty();
    }

    @Test
    void aLineThatIsNotAnAddressIsNamedWithItsLine() {
        Path bad = DIR.resolve("bad-list.txt");
        assertThatThrownBy(() -> IpLists.load(Map.of("bad", bad))).isInstanceOf(EnrichmentException.class)
                .hasMessage(bad + ": line 2: '10.0.0.0/33' has a prefix length outside 0-32");
        assertThatThrownBy(() -> IpLists.load(Map.of("gone", DIR.resolve("gone.txt"))))
                .hasMessage(DIR.resolve("gone.txt") + ": no such file");
    }
}
