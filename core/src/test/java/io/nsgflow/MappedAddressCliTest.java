package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.hostile.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.1}) through the real CLI (issue 18 item 14): kept
 * as the log writes them, as jq and Azure's own tools show them, apart from the IPv4 address in
 * every report and format; matched by IPv6 blocks ({@code ::/0}, {@code ::ffff:0:0/96}), not by
 * IPv4 ones; looked up in enrichment data as the IPv4 address they designate.
 */
class MappedAddressCliTest {
    private static final String TAGS = "core/src/test/resources/enrich/ServiceTags_Test.json";

    @TempDir
    Path dir;
    private Path blob;

    /** One source as IPv4, then written mapped (twice, in two spellings), then a plain IPv6 one; 20.1.2.3 is in AzureCloud. */
    @BeforeEach
    void blob() throws IOException {
        String tuples = String.join(",", "\"1715677210,10.0.0.1,20.1.2.3,44931,443,T,O,A,E,1,100,1,100\"",
                "\"1715677211,::ffff:10.0.0.1,20.1.2.3,44932,443,T,O,A,E,2,200,2,200\"",
                "\"1715677212,0:0:0:0:0:FFFF:0a00:0001,::ffff:20.1.2.3,44933,443,T,O,A,E,4,400,4,400\"",
                "\"1715677213,2001:db8::1,20.1.2.3,44934,443,T,O,A,E,8,800,8,800\"");
        blob = Files.writeString(dir.resolve("PT1H.json"), """
                {"records":[{"time":"2024-05-14T09:00:10Z","macAddress":"000D3AF87856","category":"NetworkSecurityGroupFlowEvent",
                "resourceId":"/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG1",
                "operationName":"NetworkSecurityGroupFlowEvents","properties":{"Version":2,"flows":[{"rule":"UserRule_A",
                "flows":[{"mac":"000D3AF87856","flowTuples":[%s]}]}]}}]}
                """.formatted(tuples));
    }

    private List<String> rows(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(blob.toString());
        Cli.Result r = Cli.run(new byte[0], all.toArray(String[]::new));
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        return r.outLines();
    }

    @Test
    void mappedAddressesAreWrittenAsTheLogWritesThemInEveryFormat() {
        assertThat(rows("flows", "-f", "csv", "--fields", "srcIp,dstIp")).containsExactly("srcIp,dstIp", "10.0.0.1,20.1.2.3",
                "::ffff:10.0.0.1,20.1.2.3", "::ffff:10.0.0.1,::ffff:20.1.2.3", "2001:db8::1,20.1.2.3");
        assertThat(rows("flows", "-f", "ndjson", "--fields", "srcIp")).containsExactly("{\"srcIp\":\"10.0.0.1\"}",
                "{\"srcIp\":\"::ffff:10.0.0.1\"}", "{\"srcIp\":\"::ffff:10.0.0.1\"}", "{\"srcIp\":\"2001:db8::1\"}");
        assertThat(String.join("\n", rows("flows", "--fields", "srcIp,dstIp"))).contains("::ffff:10.0.0.1  ::ffff:20.1.2.3");
    }

    @Test
    void mappedAddressesAreKeysApartFromTheirIpv4AddressInEveryReport() {
        assertThat(rows("top", "--by", "src", "-f", "csv", "--fields", "srcIp,flows,bytes")).containsExactly("srcIp,flows,bytes",
                "::ffff:10.0.0.1,2,1200", "10.0.0.1,1,200", "2001:db8::1,1,1600");
        assertThat(rows("summary", "--table", "topSources", "-f", "csv", "--fields", "srcIp,flows")).containsExactly("srcIp,flows",
                "::ffff:10.0.0.1,2", "10.0.0.1,1", "2001:db8::1,1");
        assertThat(rows("top", "--by", "pair", "-f", "csv", "--fields", "srcIp,dstIp,flows")).contains(
                "::ffff:10.0.0.1,20.1.2.3,1", "::ffff:10.0.0.1,::ffff:20.1.2.3,1", "10.0.0.1,20.1.2.3,1");
        assertThat(rows("conversations", "-f", "csv", "--fields", "srcIp,dstIp")).containsExactly("srcIp,dstIp",
                "10.0.0.1,20.1.2.3", "::ffff:10.0.0.1,20.1.2.3", "::ffff:10.0.0.1,::ffff:20.1.2.3", "2001:db8::1,20.1.2.3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--src|::/0|::ffff:10.0.0.1,::ffff:10.0.0.1,2001:db8::1",
        "--src|::ffff:0:0/96|::ffff:10.0.0.1,::ffff:10.0.0.1",
        "--src|::ffff:10.0.0.0/104|::ffff:10.0.0.1,::ffff:10.0.0.1",
        "--src|10.0.0.0/8|10.0.0.1",
        "--src|0.0.0.0/0|10.0.0.1",
        "--dst|::/0|::ffff:10.0.0.1",
        "--ip|::ffff:20.1.2.3|::ffff:10.0.0.1",
        "--ip|20.1.2.3|10.0.0.1,::ffff:10.0.0.1,2001:db8::1"})
    void aBlockMatchesTheAddressesWrittenInItsFamilyMappedOnesBeingIpv6(String option, String block, String sources) {
        assertThat(rows("flows", "-f", "csv", "--fields", "srcIp", option, block)).containsExactly(
                ("srcIp," + sources).split(","));
    }

    @Test
    void enrichmentLooksAMappedAddressUpAsTheIpv4AddressItDesignates() throws IOException {
        Path list = Files.writeString(dir.resolve("corp.txt"), "10.0.0.0/8\n");
        assertThat(rows("flows", "-f", "csv", "--fields", "srcIp,srcClass,srcLists,dstIp,dstClass,dstTag",
                "--service-tags", TAGS, "--ip-list", "corp=" + list)).containsExactly(
                "srcIp,srcClass,srcLists,dstIp,dstClass,dstTag",
                "10.0.0.1,private,\"[\"\"corp\"\"]\",20.1.2.3,public,AzureCloud",
                "::ffff:10.0.0.1,private,\"[\"\"corp\"\"]\",20.1.2.3,public,AzureCloud",
                "::ffff:10.0.0.1,private,\"[\"\"corp\"\"]\",::ffff:20.1.2.3,public,AzureCloud",
                "2001:db8::1,documentation,[],20.1.2.3,public,AzureCloud");
        assertThat(rows("flows", "-f", "csv", "--fields", "srcIp", "--ip-list", "corp=" + list, "--in-list", "corp"))
                .containsExactly("srcIp", "10.0.0.1", "::ffff:10.0.0.1", "::ffff:10.0.0.1");
    }
}
