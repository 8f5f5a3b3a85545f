package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The filter options as a user types them, end to end on the shipped samples. */
class FilterOptionsTest {
    private static final String VNET = "samples/vnet-PT1H.json";
    private static final String NSG_V2 = "samples/nsg-v2-PT1H.json";

    private record Result(int exit, List<String> rows, String err) {
    }

    private static Result flows(String... options) {
        List<String> args = new ArrayList<>(List.of("flows", "-f", "csv", "--no-header"));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, InputStream.nullInputStream(), false), args.toArray(String[]::new));
        return new Result(exit, out.toString().lines().toList(), err.toString());
    }

    private static int count(String... options) {
        Result r = flows(options);
        assertThat(r.exit()).as("exit; stderr %s", r.err()).isZero();
        return r.rows().size();
    }

    @ParameterizedTest
    @CsvSource({
        "--rule, PlatformRule, UserRule_AllowSSH, " + VNET,
        "--rule, UserRule_AllowSSH, DefaultRule_DenyAllInBound, " + NSG_V2,
        "--nsg, WEB-NSG, DB-NSG, samples/storage",
    })
    void aCommaListOrsItsValuesForRuleAndNsg(String option, String a, String b, String input) {
        int first = count(option, a, input);
        int second = count(option, b, input);
        assertThat(first).isPositive();
        assertThat(second).isPositive();
        assertThat(count(option, a + "," + b, input)).isEqualTo(first + second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"60:45:bd:7a:13:c2", "60-45-BD-7A-13-C2", "6045.bd7a.13c2", "6045BD7A13C2", "6045bd7a13c2"})
    void macSpellingsAllMatch(String mac) {
        assertThat(count("--mac", mac, VNET)).isEqualTo(57);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "6045BD7A13", "60:45:bd:7a:13", "60:45-bd:7a:13:c2", "6045.bd7a13c2", "6045BD7A13C2G"})
    void aMalformedMacIsAUsageError(String mac) {
        Result r = flows("--mac", mac, VNET);
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.rows()).isEmpty();
        assertThat(r.err()).contains("'" + mac + "' is not a MAC address");
    }

    @ParameterizedTest
    @CsvSource({
        "--src, --not-src, 10.0.0.0/8",
        "--dst, --not-dst, 10.1.0.4",
        "--ip, --not-ip, 168.63.129.16",
        "--port, --not-port, 443",
        "--src-port, --not-src-port, 0-1023",
        "--dst-port, --not-dst-port, 53",
        "--protocol, --not-protocol, udp",
        "--rule, --not-rule, Default*",
        "--nsg, --not-nsg, vm-app01-nsg",
    })
    void aNotOptionKeepsExactlyTheRowsItsOptionLeavesOut(String option, String negation, String value) {
        int all = count(VNET);
        int matching = count(option, value, VNET);
        int rest = count(negation, value, VNET);
        assertThat(matching).isPositive();
        assertThat(rest).isPositive();
        assertThat(matching + rest).isEqualTo(all);
    }

    @Test
    void notOptionsAndWithTheOthers() {
        int inbound = count("--direction", "in", VNET);
        int inbound443 = count("--direction", "in", "--port", "443", VNET);
        assertThat(inbound443).isPositive().isLessThan(inbound);
        assertThat(count("--direction", "in", "--not-port", "443", VNET)).isEqualTo(inbound - inbound443);
    }

    @Test
    void sinceAfterUntilIsAUsageError() {
        Result r = flows("--since", "2024-05-14T10:00Z", "--until", "2024-05-14T09:00Z", VNET);
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.rows()).isEmpty();
        assertThat(r.err()).startsWith("nsgflow: --since 2024-05-14T10:00:00Z is after --until 2024-05-14T09:00:00Z");
    }

    @Test
    void epochSecondsAndTimesBeforeNowAreAccepted() {
        // 1715616000 is 2024-05-13T16:00:00Z, where the VNet sample begins; the sample is long past 2h ago
        assertThat(count("--since", "1715616300", VNET)).isEqualTo(count("--since", "2024-05-13T16:05:00Z", VNET)).isPositive();
        assertThat(count("--since", "2h", VNET)).isZero();
        assertThat(count("--until", "2h", VNET)).isEqualTo(57);
    }
}
