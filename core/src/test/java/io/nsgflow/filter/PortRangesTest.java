package io.nsgflow.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangesTest {
    @Test
    void listOfPortsAndRanges() {
        PortRanges p = PortRanges.parse("22,3389,8000-8100");

        assertThat(p.contains(22)).isTrue();
        assertThat(p.contains(3389)).isTrue();
        assertThat(p.contains(8000)).isTrue();
        assertThat(p.contains(8050)).isTrue();
        assertThat(p.contains(8100)).isTrue();
        assertThat(p.contains(21)).isFalse();
        assertThat(p.contains(23)).isFalse();
        assertThat(p.contains(7999)).isFalse();
        assertThat(p.contains(8101)).isFalse();
    }

    @Test
    void extremesAndSpaces() {
        PortRanges all = PortRanges.parse("0-65535");
        assertThat(all.contains(0)).isTrue();
        assertThat(all.contains(65535)).isTrue();

        PortRanges spaced = PortRanges.parse(" 22 , 80 - 81 ");
        assertThat(spaced.contains(22)).isTrue();
        assertThat(spaced.contains(81)).isTrue();
        assertThat(spaced.contains(82)).isFalse();

        PortRanges single = PortRanges.parse("7-7");
        assertThat(single.contains(7)).isTrue();
        assertThat(single.contains(8)).isFalse();
    }

    @Test
    void unionOfRepeatedOptions() {
        PortRanges u = PortRanges.union(List.of(PortRanges.parse("22"), PortRanges.parse("443,8000-8001")));

        assertThat(u.contains(22)).isTrue();
        assertThat(u.contains(443)).isTrue();
        assertThat(u.contains(8001)).isTrue();
        assertThat(u.contains(80)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"65536", "-1", "abc", "", "22,", ",22", "1-2-3", "22 23", "0x16", "80-"})
    void rejects(String text) {
        assertThatThrownBy(() -> PortRanges.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsNamed() {
        assertThatThrownBy(() -> PortRanges.parse("22,100-50")).hasMessage("port range '100-50' ends before it starts");
    }
}
