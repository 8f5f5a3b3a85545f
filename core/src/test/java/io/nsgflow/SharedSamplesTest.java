package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.cli.Terminal;
import io.nsgflow.report.FlowField;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code flows -f ndjson} on every real file in {@code ../shared/samples}, read in place: the tuple
 * count that folder's README gives, the exit code, a few rows checked by hand against the JSON, and
 * the row schema on every line.
 */
class SharedSamplesTest {
    private static final Path SAMPLES = SharedSamples.DIR;
    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> SCHEMA = FlowField.DEFAULT.stream().map(f -> f.column().name()).toList();

    /** The files that are not flow logs, and the category nsgflow must name when it skips them. */
    private static final Map<String, String> NOT_FLOW_LOGS = Map.of(
            "dimitertodorov-nsg-parser--nsg_events-not-flow-log.json", "NetworkSecurityGroupEvent",
            "dimitertodorov-nsg-parser--app_gateway_access-not-flow-log.json", "ApplicationGatewayAccessLog");

    /** Rows checked field by field against the tuple text, the record and FORMAT.md. */
    private static final Map<String, List<String>> ROWS = Map.of(
            "danifitz-azure-nsg-flow-logs-newrelic--PT1H.json", List.of(
                    // record 0, 1594238636,10.1.0.4,20.38.107.36,52246,443,T,O,A,B,,,,
                    "{\"time\":\"2020-07-08T20:03:56Z\",\"version\":2,\"subscription\":\"e06458b3-769a-4e38-a880-5b6fc5ab884e\","
                            + "\"resourceGroup\":\"DANIEL-FITZGERALD-FIAT-AUTO-POC-RESOURCE-GROUP\",\"nsg\":\"NETWORK-SECURITY-GROUP-2\","
                            + "\"rule\":\"DefaultRule_AllowInternetOutBound\",\"mac\":\"000D3AD53B86\",\"srcIp\":\"10.1.0.4\","
                            + "\"dstIp\":\"20.38.107.36\",\"srcPort\":52246,\"dstPort\":443,\"protocol\":\"TCP\",\"direction\":\"outbound\","
                            + "\"action\":\"allow\",\"state\":\"begin\",\"packetsSrcToDst\":null,\"bytesSrcToDst\":null,"
                            + "\"packetsDstToSrc\":null,\"bytesDstToSrc\":null,\"encryption\":null,\"aclId\":null,"
                            + "\"targetResource\":null,\"flowLog\":null}",
                    // 1594238651,10.1.0.4,20.38.107.36,52246,443,T,O,A,E,9,1599,12,11178
                    "{\"time\":\"2020-07-08T20:04:11Z\",\"version\":2,\"subscription\":\"e06458b3-769a-4e38-a880-5b6fc5ab884e\","
                            + "\"resourceGroup\":\"DANIEL-FITZGERALD-FIAT-AUTO-POC-RESOURCE-GROUP\",\"nsg\":\"NETWORK-SECURITY-GROUP-2\","
                            + "\"rule\":\"DefaultRule_AllowInternetOutBound\",\"mac\":\"000D3AD53B86\",\"srcIp\":\"10.1.0.4\","
                            + "\"dstIp\":\"20.38.107.36\",\"srcPort\":52246,\"dstPort\":443,\"protocol\":\"TCP\",\"direction\":\"outbound\","
                            + "\"action\":\"allow\",\"state\":\"end\",\"packetsSrcToDst\":9,\"bytesSrcToDst\":1599,"
                            + "\"packetsDstToSrc\":12,\"bytesDstToSrc\":11178,\"encryption\":null,\"aclId\":null,"
                            + "\"targetResource\":null,\"flowLog\":null}",
                    // last record, 1594238678,167.71.222.137,10.1.0.4,52565,23,T,I,D,B,,,,
                    "{\"time\":\"2020-07-08T20:04:38Z\",\"version\":2,\"subscription\":\"e06458b3-769a-4e38-a880-5b6fc5ab884e\","
                            + "\"resourceGroup\":\"DANIEL-FITZGERALD-FIAT-AUTO-POC-RESOURCE-GROUP\",\"nsg\":\"NETWORK-SECURITY-GROUP-2\","
                            + "\"rule\":\"DefaultRule_DenyAllInBound\",\"mac\":\"000D3AD53B86\",\"srcIp\":\"167.71.222.137\","
                            + "\"dstIp\":\"10.1.0.4\",\"srcPort\":52565,\"dstPort\":23,\"protocol\":\"TCP\",\"direction\":\"inbound\","
                            + "\"action\":\"deny\",\"state\":\"begin\",\"packetsSrcToDst\":null,\"bytesSrcToDst\":null,"
                            + "\"packetsDstToSrc\":null,\"bytesDstToSrc\":null,\"encryption\":null,\"aclId\":null,"
                            + "\"targetResource\":null,\"flowLog\":null}"),
            "AbhishekGangurdeAdmin-DevReops--PT1H.json", List.of(
                    // record 0 (Version 2), 1639372365,20.0.0.4,52.239.220.100,50047,443,T,O,A,B,,,,
                    "{\"time\":\"2021-12-13T05:12:45Z\",\"version\":2,\"subscription\":\"7b4cc48c-9be7-43e8-b5f5-5f2eb38471aa\","
                            + "\"resourceGroup\":\"RG1\",\"nsg\":\"VM3-NSG\",\"rule\":\"DefaultRule_AllowInternetOutBound\","
                            + "\"mac\":\"002248266DB9\",\"srcIp\":\"20.0.0.4\",\"dstIp\":\"52.239.220.100\",\"srcPort\":50047,"
                            + "\"dstPort\":443,\"protocol\":\"TCP\",\"direction\":\"outbound\",\"action\":\"allow\",\"state\":\"begin\","
                            + "\"packetsSrcToDst\":null,\"bytesSrcToDst\":null,\"packetsDstToSrc\":null,\"bytesDstToSrc\":null,"
                            + "\"encryption\":null,\"aclId\":null,\"targetResource\":null,\"flowLog\":null}",
                    // 1639372431,71.6.232.6,20.0.0.4,58216,161,U,I,D,B,,,,
                    "{\"time\":\"2021-12-13T05:13:51Z\",\"version\":2,\"subscription\":\"7b4cc48c-9be7-43e8-b5f5-5f2eb38471aa\","
                            + "\"resourceGroup\":\"RG1\",\"nsg\":\"VM3-NSG\",\"rule\":\"DefaultRule_DenyAllInBound\","
                            + "\"mac\":\"002248266DB9\",\"srcIp\":\"71.6.232.6\",\"dstIp\":\"20.0.0.4\",\"srcPort\":58216,"
                            + "\"dstPort\":161,\"protocol\":\"UDP\",\"direction\":\"inbound\",\"action\":\"deny\",\"state\":\"begin\","
                            + "\"packetsSrcToDst\":null,\"bytesSrcToDst\":null,\"packetsDstToSrc\":null,\"bytesDstToSrc\":null,"
                            + "\"encryption\":null,\"aclId\":null,\"targetResource\":null,\"flowLog\":null}",
                    // record 9 (Version 1), 1639372912,20.0.0.4,52.239.169.196,50166,443,T,O,A
                    "{\"time\":\"2021-12-13T05:21:52Z\",\"version\":1,\"subscription\":\"7b4cc48c-9be7-43e8-b5f5-5f2eb38471aa\","
                            + "\"resourceGroup\":\"RG1\",\"nsg\":\"VM3-NSG\",\"rule\":\"DefaultRule_AllowInternetOutBound\","
                            + "\"mac\":\"002248266DB9\",\"srcIp\":\"20.0.0.4\",\"dstIp\":\"52.239.169.196\",\"srcPort\":50166,"
                            + "\"dstPort\":443,\"protocol\":\"TCP\",\"direction\":\"outbound\",\"action\":\"allow\",\"state\":null,"
                            + "\"packetsSrcToDst\":null,\"bytesSrcToDst\":null,\"packetsDstToSrc\":null,\"bytesDstToSrc\":null,"
                            + "\"encryption\":null,\"aclId\":null,\"targetResource\":null,\"flowLog\":null}"),
            "dimitertodorov-nsg-parser--nsg_flow_events.json", List.of(
                    // record 0, no record-level macAddress: the flow entry's mac; 1497038813,10.193.160.4,40.85.232.72,46010,443,T,O,A
                    "{\"time\":\"2017-06-09T20:06:53Z\",\"version\":1,\"subscription\":\"subid\",\"resourceGroup\":\"RGNAME\","
                            + "\"nsg\":\"NSGNAME-NSG\",\"rule\":\"DefaultRule_AllowVnetOutBound\",\"mac\":\"000D3AF33854\","
                            + "\"srcIp\":\"10.193.160.4\",\"dstIp\":\"40.85.232.72\",\"srcPort\":46010,\"dstPort\":443,"
                            + "\"protocol\":\"TCP\",\"direction\":\"outbound\",\"action\":\"allow\",\"state\":null,"
                            + "\"packetsSrcToDst\":null,\"bytesSrcToDst\":null,\"packetsDstToSrc\":null,\"bytesDstToSrc\":null,"
                            + "\"encryption\":null,\"aclId\":null,\"targetResource\":null,\"flowLog\":null}",
                    // the last tuple, 1497041192,10.199.1.8,10.193.160.4,16097,80,T,I,A
                    "{\"time\":\"2017-06-09T20:46:32Z\",\"version\":1,\"subscription\":\"subid\",\"resourceGroup\":\"RGNAME\","
                            + "\"nsg\":\"NSGNAME-NSG\",\"rule\":\"UserRule_HTTP\",\"mac\":\"000D3AF33854\","
                            + "\"srcIp\":\"10.199.1.8\",\"dstIp\":\"10.193.160.4\",\"srcPort\":16097,\"dstPort\":80,"
                            + "\"protocol\":\"TCP\",\"direction\":\"inbound\",\"action\":\"allow\",\"state\":null,"
                            + "\"packetsSrcToDst\":null,\"bytesSrcToDst\":null,\"packetsDstToSrc\":null,\"bytesDstToSrc\":null,"
                            + "\"encryption\":null,\"aclId\":null,\"targetResource\":null,\"flowLog\":null}"),
            "chshin9-CSP451-Milestone3--vnet-PT1H.json", List.of(
                    // PlatformRule, all-zero aclID: 1786653106963,40.87.164.0,10.0.5.4,23456,25800,6,I,B,NX,0,0,0,0
                    "{\"time\":\"2026-08-13T20:31:46.963Z\",\"version\":4,\"subscription\":\"71d310bf-1718-4d11-87d1-99a7d4e2053f\","
                            + "\"resourceGroup\":\"Student-RG-2236587\",\"nsg\":null,\"rule\":\"PlatformRule\",\"mac\":\"0022486DBA37\","
                            + "\"srcIp\":\"40.87.164.0\",\"dstIp\":\"10.0.5.4\",\"srcPort\":23456,\"dstPort\":25800,\"protocol\":\"TCP\","
                            + "\"direction\":\"inbound\",\"action\":\"allow\",\"state\":\"begin\",\"packetsSrcToDst\":0,\"bytesSrcToDst\":0,"
                            + "\"packetsDstToSrc\":0,\"bytesDstToSrc\":0,\"encryption\":\"NX\","
                            + "\"aclId\":\"00000000-0000-0000-0000-000000000000\",\"targetResource\":\"ShopStream-VNet\","
                            + "\"flowLog\":\"SHOPSTREAM-VNET-FLOWLOG-2236587\"}",
                    // 1786653112710,40.87.164.0,10.0.5.4,23456,25800,6,I,E,NX,1,128,1,54
                    "{\"time\":\"2026-08-13T20:31:52.710Z\",\"version\":4,\"subscription\":\"71d310bf-1718-4d11-87d1-99a7d4e2053f\","
                            + "\"resourceGroup\":\"Student-RG-2236587\",\"nsg\":null,\"rule\":\"PlatformRule\",\"mac\":\"0022486DBA37\","
                            + "\"srcIp\":\"40.87.164.0\",\"dstIp\":\"10.0.5.4\",\"srcPort\":23456,\"dstPort\":25800,\"protocol\":\"TCP\","
                            + "\"direction\":\"inbound\",\"action\":\"allow\",\"state\":\"end\",\"packetsSrcToDst\":1,\"bytesSrcToDst\":128,"
                            + "\"packetsDstToSrc\":1,\"bytesDstToSrc\":54,\"encryption\":\"NX\","
                            + "\"aclId\":\"00000000-0000-0000-0000-000000000000\",\"targetResource\":\"ShopStream-VNet\","
                            + "\"flowLog\":\"SHOPSTREAM-VNET-FLOWLOG-2236587\"}",
                    // aclID an NSG path, state D: 1786653103883,147.185.132.143,10.0.5.4,50648,9881,6,I,D,NX,0,0,0,0
                    "{\"time\":\"2026-08-13T20:31:43.883Z\",\"version\":4,\"subscription\":\"71d310bf-1718-4d11-87d1-99a7d4e2053f\","
                            + "\"resourceGroup\":\"Student-RG-2236587\",\"nsg\":\"shopstream-supplier-vm-nsg\","
                            + "\"rule\":\"DefaultRule_DenyAllInBound\",\"mac\":\"0022486DBA37\",\"srcIp\":\"147.185.132.143\","
                            + "\"dstIp\":\"10.0.5.4\",\"srcPort\":50648,\"dstPort\":9881,\"protocol\":\"TCP\",\"direction\":\"inbound\","
                            + "\"action\":\"deny\",\"state\":\"deny\",\"packetsSrcToDst\":0,\"bytesSrcToDst\":0,\"packetsDstToSrc\":0,"
                            + "\"bytesDstToSrc\":0,\"encryption\":\"NX\",\"aclId\":\"/subscriptions/71d310bf-1718-4d11-87d1-99a7d4e2053f/"
                            + "resourceGroups/Student-RG-2236587/providers/Microsoft.Network/networkSecurityGroups/shopstream-supplier-vm-nsg\","
                            + "\"targetResource\":\"ShopStream-VNet\",\"flowLog\":\"SHOPSTREAM-VNET-FLOWLOG-2236587\"}"),
            "elastic-integrations--nsg-testdata.json", List.of(
                    // 1542110402,94.102.49.190,10.5.16.4,28746,443,U,I,D,B,,,,
                    "{\"time\":\"2018-11-13T12:00:02Z\",\"version\":2,\"subscription\":\"00000000-0000-0000-0000-000000000000\","
                            + "\"resourceGroup\":\"FABRIKAMRG\",\"nsg\":\"FABRIAKMVM1-NSG\",\"rule\":\"DefaultRule_DenyAllInBound\","
                            + "\"mac\":\"000D3AF87856\",\"srcIp\":\"94.102.49.190\",\"dstIp\":\"10.5.16.4\",\"srcPort\":28746,"
                            + "\"dstPort\":443,\"protocol\":\"UDP\",\"direction\":\"inbound\",\"action\":\"deny\",\"state\":\"begin\","
                            + "\"packetsSrcToDst\":null,\"bytesSrcToDst\":null,\"packetsDstToSrc\":null,\"bytesDstToSrc\":null,"
                            + "\"encryption\":null,\"aclId\":null,\"targetResource\":null,\"flowLog\":null}",
                    // 1542110379,10.5.16.4,13.67.143.115,44931,443,T,O,A,C,30,16978,24,14008
                    "{\"time\":\"2018-11-13T11:59:39Z\",\"version\":2,\"subscription\":\"00000000-0000-0000-0000-000000000000\","
                            + "\"resourceGroup\":\"FABRIKAMRG\",\"nsg\":\"FABRIAKMVM1-NSG\",\"rule\":\"DefaultRule_AllowInternetOutBound\","
                            + "\"mac\":\"000D3AF87856\",\"srcIp\":\"10.5.16.4\",\"dstIp\":\"13.67.143.115\",\"srcPort\":44931,"
                            + "\"dstPort\":443,\"protocol\":\"TCP\",\"direction\":\"outbound\",\"action\":\"allow\",\"state\":\"continuing\","
                            + "\"packetsSrcToDst\":30,\"bytesSrcToDst\":16978,\"packetsDstToSrc\":24,\"bytesDstToSrc\":14008,"
                            + "\"encryption\":null,\"aclId\":null,\"targetResource\":null,\"flowLog\":null}"),
            "elastic-integrations--vnet-testdata.json", List.of(
                    // 1663146003599,10.0.0.6,52.239.184.180,23956,443,6,O,B,NX,0,0,0,0
                    "{\"time\":\"2022-09-14T09:00:03.599Z\",\"version\":4,\"subscription\":\"00000000-0000-0000-0000-000000000000\","
                            + "\"resourceGroup\":\"myResourceGroup\",\"nsg\":null,\"rule\":\"DefaultRule_AllowInternetOutBound\","
                            + "\"mac\":\"00224871C205\",\"srcIp\":\"10.0.0.6\",\"dstIp\":\"52.239.184.180\",\"srcPort\":23956,"
                            + "\"dstPort\":443,\"protocol\":\"TCP\",\"direction\":\"outbound\",\"action\":\"allow\",\"state\":\"begin\","
                            + "\"packetsSrcToDst\":0,\"bytesSrcToDst\":0,\"packetsDstToSrc\":0,\"bytesDstToSrc\":0,\"encryption\":\"NX\","
                            + "\"aclId\":\"00000000-1234-abcd-ef00-c1c2c3c4c5c6\",\"targetResource\":\"myVNet\",\"flowLog\":\"VNETFLOWLOG\"}",
                    // second ACL: 1663145998065,101.33.218.153,10.0.0.6,55188,22,6,I,D,NX,0,0,0,0
                    "{\"time\":\"2022-09-14T08:59:58.065Z\",\"version\":4,\"subscription\":\"00000000-0000-0000-0000-000000000000\","
                            + "\"resourceGroup\":\"myResourceGroup\",\"nsg\":null,\"rule\":\"BlockHighRiskTCPPortsFromInternet\","
                            + "\"mac\":\"00224871C205\",\"srcIp\":\"101.33.218.153\",\"dstIp\":\"10.0.0.6\",\"srcPort\":55188,"
                            + "\"dstPort\":22,\"protocol\":\"TCP\",\"direction\":\"inbound\",\"action\":\"deny\",\"state\":\"deny\","
                            + "\"packetsSrcToDst\":0,\"bytesSrcToDst\":0,\"packetsDstToSrc\":0,\"bytesDstToSrc\":0,\"encryption\":\"NX\","
                            + "\"aclId\":\"01020304-abcd-ef00-1234-102030405060\",\"targetResource\":\"myVNet\",\"flowLog\":\"VNETFLOWLOG\"}"),
            "elastic-integrations--nsg-test-record-per-line.log", List.of(
                    // 1542110379,1.128.0.0,1.128.0.1,59932,443,T,O,A,E,1,66,1,66
                    "{\"time\":\"2018-11-13T11:59:39Z\",\"version\":2,\"subscription\":\"00000000-0000-0000-0000-000000000000\","
                            + "\"resourceGroup\":\"FABRIKAMRG\",\"nsg\":\"FABRIAKMVM1-NSG\",\"rule\":\"DefaultRule_AllowInternetOutBound\","
                            + "\"mac\":\"000D3AF87856\",\"srcIp\":\"1.128.0.0\",\"dstIp\":\"1.128.0.1\",\"srcPort\":59932,"
                            + "\"dstPort\":443,\"protocol\":\"TCP\",\"direction\":\"outbound\",\"action\":\"allow\",\"state\":\"end\","
                            + "\"packetsSrcToDst\":1,\"bytesSrcToDst\":66,\"packetsDstToSrc\":1,\"bytesDstToSrc\":66,"
                            + "\"encryption\":null,\"aclId\":null,\"targetResource\":null,\"flowLog\":null}"),
            "elastic-integrations--vnet-test-record-per-line.log", List.of(
                    // mixed-case macAddress 0022487bC205; 1663146003606,216.160.83.56,81.2.69.142,36776,443,6,O,E,NX,22,2217,33,0
                    "{\"time\":\"2022-09-14T09:00:03.606Z\",\"version\":4,\"subscription\":\"00000000-0000-0000-0000-000000000000\","
                            + "\"resourceGroup\":\"myResourceGroup\",\"nsg\":null,\"rule\":\"DefaultRule_AllowInternetOutBound\","
                            + "\"mac\":\"0022487BC205\",\"srcIp\":\"216.160.83.56\",\"dstIp\":\"81.2.69.142\",\"srcPort\":36776,"
                            + "\"dstPort\":443,\"protocol\":\"TCP\",\"direction\":\"outbound\",\"action\":\"allow\",\"state\":\"end\","
                            + "\"packetsSrcToDst\":22,\"bytesSrcToDst\":2217,\"packetsDstToSrc\":33,\"bytesDstToSrc\":0,\"encryption\":\"NX\","
                            + "\"aclId\":\"00000000-1234-abcd-ef00-c1c2c3c4c5c6\",\"targetResource\":\"myVNet\",\"flowLog\":\"VNETFLOWLOG\"}"));

    @TestFactory
    Stream<DynamicTest> everySharedSample() throws IOException {
        return SharedSamples.orSkipped(SharedSamplesTest::everyFile);
    }

    private static Stream<DynamicTest> everyFile() throws IOException {
        Map<String, Integer> tuples = readmeTupleCounts();
        List<Path> files;
        try (Stream<Path> listed = Files.list(SAMPLES)) {
            files = listed.filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, tuples)));
    }

    private static void check(Path file, Map<String, Integer> tuples) {
        String name = file.getFileName().toString();
        assertThat(tuples).as("the README's row for %s", name).containsKey(name);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false),
                "flows", "-f", "ndjson", file.toString());
        List<String> lines = out.toString().lines().toList();

        assertThat(lines).as("rows of %s", name).hasSize(tuples.get(name));
        String category = NOT_FLOW_LOGS.get(name);
        if (category != null) {
            assertThat(exit).isEqualTo(3);
            assertThat(err.toString()).contains("record 0: not a flow log: category '" + category + "'");
            return;
        }
        assertThat(err.toString()).as("stderr").isEmpty();
        assertThat(exit).isZero();
        assertThat(ROWS).as("rows checked by hand for %s", name).containsKey(name);
        assertThat(lines).containsAll(ROWS.get(name));
        for (String line : lines) {
            assertThat(keys(line)).as("keys of %s", line).isEqualTo(SCHEMA);
        }
    }

    /** The README's table: file name (in backticks) in the first column, tuple count in the fourth. */
    private static Map<String, Integer> readmeTupleCounts() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("README.md"))) {
            String[] cells = line.split("\\|");
            if (line.startsWith("| `") && cells.length > 4) {
                counts.put(cells[1].trim().replace("`", ""), Integer.parseInt(cells[4].trim()));
            }
        }
        return counts;
    }

    /** The keys of one NDJSON line, which must be one flat JSON object and nothing else. */
    private static List<String> keys(String line) {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = JSON.createParser(line)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                keys.add(key);
                assertThat(p.nextToken().isScalarValue()).as("%s is a scalar", key).isTrue();
            }
            assertThat(p.nextToken()).as("nothing after the object").isNull();
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
        return keys;
    }
}
