package io.nsgflow.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.LogFormat;
import io.nsgflow.model.Problem;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.source.PathMetadata;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What rows learn from their record and blob path: the context of every tuple. */
class RecordDecoderTest {
    private static final String NSG_ID = "/SUBSCRIPTIONS/5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/RG-PROD/PROVIDERS/"
            + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG";
    private static final String NSG_PATH = "resourceId=/SUBSCRIPTIONS/5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/RG-PROD/"
            + "PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WEB-NSG/y=2024/m=05/d=14/h=09/m=00/macAddress=000D3A4F2B19/PT1H.json";
    private static final String V2_TUPLE = "1715677210,198.51.100.23,10.20.1.4,52144,443,T,I,A,B,,,,";
    private static final String V1_TUPLE = "1715677210,198.51.100.23,10.20.1.4,52144,443,T,I,A";

    private final StringWriter err = new StringWriter();
    private final Diagnostics diagnostics = new Diagnostics(err, false);

    private static String nsgRecord(String recordMac, String innerMac, String version, String... tuples) {
        return "{\"time\":\"2024-05-14T09:01:10.1234567Z\",\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"" + NSG_ID + "\""
                + (recordMac == null ? "" : ",\"macAddress\":\"" + recordMac + "\"")
                + ",\"properties\":{" + (version == null ? "" : "\"Version\":" + version + ",")
                + "\"flows\":[{\"rule\":\"UserRule_AllowHTTPS\",\"flows\":[{" + (innerMac == null ? "" : "\"mac\":\"" + innerMac + "\",")
                + "\"flowTuples\":[\"" + String.join("\",\"", tuples) + "\"]}]}]}}";
    }

    private static String vnetRecord(String targetId, String aclId) {
        return "{\"time\":\"2024-05-14T09:01:10.1234567Z\",\"flowLogVersion\":4,\"macAddress\":\"6045bdf1a207\",\"category\":\"FlowLogFlowEvent\","
                + "\"flowLogResourceID\":\"/SUBSCRIPTIONS/5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/"
                + "MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/VNET-PROD-FLOWLOG\","
                + "\"targetResourceID\":\"" + targetId + "\",\"flowRecords\":{\"flows\":[{\"aclID\":\"" + aclId + "\",\"flowGroups\":"
                + "[{\"rule\":\"UserRule_AllowAppTraffic\",\"flowTuples\":[\"1715677210000,10.20.3.4,10.20.3.5,50000,8080,6,O,B,X,0,0,0,0\"]}]}]}}";
    }

    private List<FlowRow> decode(String path, String... records) {
        List<FlowRow> rows = new ArrayList<>();
        FileDiagnostics diag = diagnostics.forInput(path);
        PathMetadata meta = path.equals("-") ? PathMetadata.NONE : PathMetadata.of(path);
        RecordDecoder decoder = new RecordDecoder(path, meta, diag, row -> rows.add(row.copy()));
        byte[] bytes = ("{\"records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8);
        new RecordReader().read(new ByteArrayInputStream(bytes), diag, decoder::decode);
        diag.close();
        return rows;
    }

    private static FlowContext only(List<FlowRow> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0).context();
    }

    @Test
    void nsgContextFromTheResourceId() {
        FlowContext c = only(decode("-", nsgRecord(null, "000d3a4f2b19", "2", V2_TUPLE)));

        assertThat(c.source()).isEqualTo("-");
        assertThat(c.recordIndex()).isZero();
        assertThat(c.format()).isEqualTo(LogFormat.NSG_V2);
        assertThat(c.version()).isEqualTo(2);
        assertThat(c.subscription()).as("lower case").isEqualTo("5f3c9a2e-8b71-4d06-a9e4-2c7b1d8e6f40");
        assertThat(c.resourceGroup()).isEqualTo("RG-PROD");
        assertThat(c.nsg()).isEqualTo("WEB-NSG");
        assertThat(c.rule()).isEqualTo("UserRule_AllowHTTPS");
        assertThat(c.mac()).as("upper case").isEqualTo("000D3A4F2B19");
        assertThat(c.aclId()).isNull();
        assertThat(c.targetResource()).isNull();
        assertThat(c.flowLog()).isNull();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void macFromTheFlowEntryThenTheRecordThenThePath() {
        assertThat(only(decode(NSG_PATH, nsgRecord("000D3A4F2B19", "00-0D-3A-00-00-01", "2", V2_TUPLE))).mac())
                .as("the flow entry's mac first").isEqualTo("000D3A000001");
        assertThat(only(decode("-", nsgRecord("000d3a000002", null, "2", V2_TUPLE))).mac())
                .as("then the record's macAddress").isEqualTo("000D3A000002");
        assertThat(only(decode(NSG_PATH, nsgRecord(null, null, "2", V2_TUPLE))).mac())
                .as("then the path's macAddress=").isEqualTo("000D3A4F2B19");
        assertThat(only(decode("-", nsgRecord(null, null, "2", V2_TUPLE))).mac()).isNull();
    }

    @Test
    void thePathFillsWhatTheRecordLacks() {
        String noId = "{\"category\":\"NetworkSecurityGroupFlowEvent\",\"properties\":{\"Version\":1,\"flows\":[{\"rule\":\"R\","
                + "\"flows\":[{\"flowTuples\":[\"" + V1_TUPLE + "\"]}]}]}}";
        FlowContext c = only(decode(NSG_PATH, noId));

        assertThat(c.subscription()).isEqualTo("5f3c9a2e-8b71-4d06-a9e4-2c7b1d8e6f40");
        assertThat(c.resourceGroup()).isEqualTo("RG-PROD");
        assertThat(c.nsg()).isEqualTo("WEB-NSG");
        assertThat(c.mac()).isEqualTo("000D3A4F2B19");
    }

    @Test
    void theVersionIsReadPerRecordAndByFieldCountWhenMissing() {
        List<FlowRow> rows = decode("-",
                nsgRecord("000D3A4F2B19", null, "2", V2_TUPLE),
                nsgRecord("000D3A4F2B19", null, "1", V1_TUPLE),
                nsgRecord("000D3A4F2B19", null, null, V1_TUPLE, V2_TUPLE));

        assertThat(rows).extracting(r -> r.context().format() + "/" + r.context().version() + "/" + r.context().recordIndex())
                .containsExactly("NSG_V2/2/0", "NSG_V1/1/1", "NSG_V1/1/2", "NSG_V2/2/2");
        assertThat(rows.get(1).state()).isNull();
        assertThat(rows.get(3).state()).isNotNull();
        assertThat(err.toString()).isEmpty();
    }

    /** Issue 18 #15: a version written as a decimal is that number when whole; otherwise one message for one problem. */
    @Test
    void aWholeDecimalVersionIsThatVersionAndABadOneIsSaidOnce() {
        List<FlowRow> rows = decode("-", nsgRecord("000D3A4F2B19", null, "2.0", V2_TUPLE), nsgRecord("000D3A4F2B19", null, "2.5", V2_TUPLE),
                nsgRecord("000D3A4F2B19", null, "\"two\"", V2_TUPLE));

        assertThat(rows).extracting(r -> r.context().version()).containsExactly(2);
        assertThat(err.toString().lines().toList()).containsExactly(
                "nsgflow: -: record 1: 'properties.Version' is 2.5, not a version number; record skipped",
                "nsgflow: -: record 2: 'properties.Version' is 'two', not a version number; record skipped");
    }

    @Test
    void vnetContext() {
        FlowContext c = only(decode("-", vnetRecord("/subscriptions/5f3c9a2e-8b71-4d06-a9e4-2c7b1d8e6f40/resourceGroups/rg-prod/"
                + "providers/Microsoft.Network/virtualNetworks/vnet-prod", "3f9d2c71-5b8e-4a06-b1d4-7e2a90c6f583")));

        assertThat(c.format()).isEqualTo(LogFormat.VNET);
        assertThat(c.version()).isEqualTo(4);
        assertThat(c.subscription()).isEqualTo("5f3c9a2e-8b71-4d06-a9e4-2c7b1d8e6f40");
        assertThat(c.resourceGroup()).as("the target's, as written").isEqualTo("rg-prod");
        assertThat(c.targetResource()).isEqualTo("vnet-prod");
        assertThat(c.flowLog()).isEqualTo("VNET-PROD-FLOWLOG");
        assertThat(c.aclId()).isEqualTo("3f9d2c71-5b8e-4a06-b1d4-7e2a90c6f583");
        assertThat(c.nsg()).as("a GUID aclID names no NSG").isNull();
        assertThat(c.rule()).isEqualTo("UserRule_AllowAppTraffic");
        assertThat(c.mac()).isEqualTo("6045BDF1A207");
    }

    @Test
    void vnetNsgFromAnAclIdThatIsAnNsgPath() {
        String acl = "/subscriptions/5f3c9a2e-8b71-4d06-a9e4-2c7b1d8e6f40/resourceGroups/rg-prod/providers/"
                + "Microsoft.Network/networkSecurityGroups/APP-NSG";
        FlowContext c = only(decode("-", vnetRecord("/subscriptions/x/resourceGroups/rg-prod/providers/Microsoft.Network/"
                + "virtualNetworks/vnet-prod/subnets/app", acl)));

        assertThat(c.nsg()).isEqualTo("APP-NSG");
        assertThat(c.aclId()).isEqualTo(acl);
        assertThat(c.targetResource()).as("a subnet target").isEqualTo("vnet-prod/app");
    }

    @Test
    void targetNames() {
        assertThat(RecordDecoder.targetName("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/vm1-nic"))
                .isEqualTo("vm1-nic");
        assertThat(RecordDecoder.targetName("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"))
                .isEqualTo("v");
        assertThat(RecordDecoder.targetName("not-a-resource-id")).isEqualTo("not-a-resource-id");
        assertThat(RecordDecoder.targetName(null)).isNull();
    }

    @Test
    void aPathThatDisagreesWithTheRecordIsAWarningNotAProblem() {
        String otherNsgPath = NSG_PATH.replace("WEB-NSG", "DB-NSG").replace("macAddress=000D3A4F2B19", "macAddress=000D3A4F7E62");

        List<FlowRow> rows = decode(otherNsgPath, nsgRecord("000D3A4F2B19", null, "2", V2_TUPLE),
                nsgRecord("000D3A4F2B19", null, "2", V2_TUPLE));

        assertThat(rows).as("nothing is skipped").hasSize(2);
        assertThat(rows.get(0).context().nsg()).as("the record wins").isEqualTo("WEB-NSG");
        assertThat(err.toString().lines()).as("said once per input and difference").containsExactly(
                "nsgflow: " + otherNsgPath + ": warning: path says NSG DB-NSG but the record says WEB-NSG",
                "nsgflow: " + otherNsgPath + ": warning: path says MAC 000D3A4F7E62 but the record says 000D3A4F2B19");
        assertThat(diagnostics.anyProblem()).isFalse();
        assertThat(diagnostics.warningCount()).isEqualTo(2);
    }

    @Test
    void anotherCategoryIsNotAFlowLog() {
        String event = "{\"time\":\"2024-05-14T09:01:10Z\",\"category\":\"NetworkSecurityGroupEvent\",\"properties\":{\"type\":\"block\"}}";

        assertThat(decode("events.json", event, event)).isEmpty();
        assertThat(diagnostics.problemCounts()).isEqualTo(Map.of(Problem.NOT_FLOW_LOG, 2L));
        assertThat(err.toString().lines()).containsExactly(
                "nsgflow: events.json: record 0: not a flow log: category 'NetworkSecurityGroupEvent' is an NSG event log; skipped",
                "nsgflow: events.json: 1 more records skipped for the reasons above");
    }

    @Test
    void aBadTupleIsSkippedAlone() {
        List<FlowRow> rows = decode("t.json", nsgRecord(null, "M", "2", V2_TUPLE, "garbage", V2_TUPLE));

        assertThat(rows).hasSize(2);
        assertThat(diagnostics.problemCounts()).isEqualTo(Map.of(Problem.BAD_TUPLE, 1L));
        assertThat(err.toString()).startsWith("nsgflow: t.json: record 0 tuple 1: \"garbage\": NSG v2 tuple needs 13 fields, found 1");
    }

    /** Issue 9: Azure lists every rule of the NSG, hit or not; a rule with no tuples is still named. */
    @Test
    void aRuleNamedWithoutTuplesReachesTheSink() {
        String nsg = "{\"time\":\"2024-05-14T09:01:10Z\",\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"" + NSG_ID
                + "\",\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"UserRule_AllowHTTPS\",\"flows\":[{\"mac\":\"000D3A4F2B19\","
                + "\"flowTuples\":[\"" + V2_TUPLE + "\"]}]},{\"rule\":\"DefaultRule_DenyAllInBound\",\"flows\":[]}]}}";
        String vnet = vnetRecord("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v", "acl-1")
                .replace("]}]}]}}", "]},{\"rule\":\"UserRule_Unused\",\"flowTuples\":[]}]}]}}");
        List<String> named = new ArrayList<>();
        List<FlowRow> rows = new ArrayList<>();
        FileDiagnostics diag = diagnostics.forInput("t.json");
        RecordDecoder decoder = new RecordDecoder("t.json", PathMetadata.NONE, diag, new io.nsgflow.model.FlowSink() {
            @Override
            public void accept(FlowRow row) {
                rows.add(row.copy());
            }

            @Override
            public void ruleNamed(FlowContext context) {
                named.add(context.nsg() + "/" + context.aclId() + "/" + context.rule());
            }
        });
        byte[] bytes = ("{\"records\":[" + nsg + "," + vnet + "]}").getBytes(StandardCharsets.UTF_8);
        new RecordReader().read(new ByteArrayInputStream(bytes), diag, decoder::decode);

        assertThat(rows).extracting(r -> r.context().rule()).containsExactly("UserRule_AllowHTTPS", "UserRule_AllowAppTraffic");
        assertThat(named).containsExactly("WEB-NSG/null/DefaultRule_DenyAllInBound", "null/acl-1/UserRule_Unused");
        assertThat(err.toString()).isEmpty();
    }

    /** Each record's context comes from its own resource ID, however the IDs alternate within an input. */
    @Test
    void eachRecordIsNamedByItsOwnResourceId() {
        String other = nsgRecord("000D3A4F2B19", null, "2", V2_TUPLE).replace("WEB-NSG", "DB-NSG").replace("RG-PROD", "RG-DATA");
        List<FlowRow> rows = decode("-", nsgRecord("000D3A4F2B19", null, "2", V2_TUPLE), other, nsgRecord("000D3A4F2B19", null, "2", V2_TUPLE));
        assertThat(rows).extracting(r -> r.context().nsg() + "/" + r.context().resourceGroup())
                .containsExactly("WEB-NSG/RG-PROD", "DB-NSG/RG-DATA", "WEB-NSG/RG-PROD");
    }

    /** Repeats are found in records on either side of the repeat table's first size (2047 tuples), the big one after a small one. */
    @Test
    void repeatsAreFoundInSmallAndInBigRecords() {
        String[] big = new String[5000];
        for (int i = 0; i < big.length; i++) {
            big[i] = "1715677210,198.51.100.23,10.20.1.4," + (1024 + i % 4000) + ",443,T,I,A,B,,,,"; // the last 1000 repeat the first
        }
        List<FlowRow> rows = decode("-", nsgRecord("000D3A4F2B19", null, "2", V2_TUPLE, V2_TUPLE),
                nsgRecord("000D3A4F2B19", null, "2", big), nsgRecord("000D3A4F2B19", null, "2", V2_TUPLE));
        assertThat(rows).hasSize(5003);
        assertThat(rows.subList(0, 2)).extracting(FlowRow::isRepeat).containsExactly(false, true);
        assertThat(rows.subList(2, 5002)).filteredOn(FlowRow::isRepeat).hasSize(1000)
                .allSatisfy(r -> assertThat(r.srcPort()).isLessThan(1024 + 1000));
        assertThat(rows.get(5002).isRepeat()).as("a new record starts with nothing seen").isFalse();
    }
}
