package io.nsgflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.diag.Diagnostics;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape a flow log comes in reads to the same records, whether the bytes arrive in large
 * buffers or one at a time.
 */
class RecordReaderTest {
    private static final String NSG_V2 = "{\"time\":\"2024-05-13T15:22:31.7312706Z\",\"systemId\":\"s\",\"macAddress\":\"000D3A9E14F8\","
            + "\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/"
            + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/API-NSG\",\"operationName\":\"NetworkSecurityGroupFlowEvents\","
            + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"DefaultRule_DenyAllInBound\",\"flows\":[{\"mac\":\"000D3A9E14F8\","
            + "\"flowTuples\":[\"1715613720,203.0.113.5,10.0.2.5,40000,161,U,I,D,B,,,,\"]}]},{\"rule\":\"UserRule_AllowSSH\","
            + "\"flows\":[{\"mac\":\"000D3A9E14F8\",\"flowTuples\":[\"1715613730,198.51.100.23,10.0.2.5,52144,22,T,I,A,C,5,500,6,600\","
            + "\"1715613740,198.51.100.23,10.0.2.5,52144,22,T,I,A,E,1,100,1,100\"]}]},{\"rule\":\"DefaultRule_DenyAllOutBound\",\"flows\":[]}]}}";
    /** The same record with every object's keys in sorted order, as a key-sorting tool writes it. */
    private static final String NSG_V2_SORTED = "{\"category\":\"NetworkSecurityGroupFlowEvent\",\"macAddress\":\"000D3A9E14F8\","
            + "\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":2,\"flows\":[{\"flows\":[{"
            + "\"flowTuples\":[\"1715613720,203.0.113.5,10.0.2.5,40000,161,U,I,D,B,,,,\"],\"mac\":\"000D3A9E14F8\"}],"
            + "\"rule\":\"DefaultRule_DenyAllInBound\"},{\"flows\":[{\"flowTuples\":[\"1715613730,198.51.100.23,10.0.2.5,52144,22,T,I,A,C,5,500,6,600\","
            + "\"1715613740,198.51.100.23,10.0.2.5,52144,22,T,I,A,E,1,100,1,100\"],\"mac\":\"000D3A9E14F8\"}],\"rule\":\"UserRule_AllowSSH\"},"
            + "{\"flows\":[],\"rule\":\"DefaultRule_DenyAllOutBound\"}]},\"resourceId\":\"/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/"
            + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/API-NSG\",\"systemId\":\"s\",\"time\":\"2024-05-13T15:22:31.7312706Z\"}";
    private static final String NSG_V1 = "{\"time\":\"2024-05-13T15:57:31.1Z\",\"category\":\"NetworkSecurityGroupFlowEvent\","
            + "\"resourceId\":\"/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/API-NSG\","
            + "\"properties\":{\"Version\":1,\"flows\":[{\"rule\":\"UserRule_AllowSSH\",\"flows\":[{\"mac\":\"000D3A9E14F8\","
            + "\"flowTuples\":[\"1715615851,198.51.100.23,10.0.2.5,52144,22,T,I,A\"]}]}]}}";
    private static final String NO_VERSION = "{\"time\":\"2024-05-13T15:58:31.1Z\",\"category\":\"NetworkSecurityGroupFlowEvent\","
            + "\"properties\":{\"flows\":[{\"rule\":\"R\",\"flows\":[{\"mac\":\"M\",\"flowTuples\":[\"1715615911,10.0.0.1,10.0.0.2,1,2,T,O,A\"]}]}]}}";
    private static final String VNET = "{\"time\":\"2024-05-13T16:00:52.5625085Z\",\"flowLogVersion\":4,\"flowLogGUID\":\"g\","
            + "\"macAddress\":\"6045BD7A13C2\",\"category\":\"FlowLogFlowEvent\",\"flowLogResourceID\":\"/SUBSCRIPTIONS/S1/RESOURCEGROUPS/"
            + "NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NW/FLOWLOGS/FL\",\"targetResourceID\":\"/subscriptions/s1/"
            + "resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-app\",\"operationName\":\"FlowLogFlowEvent\","
            + "\"flowRecords\":{\"flows\":[{\"aclID\":\"00000000-0000-0000-0000-000000000000\",\"flowGroups\":[{\"rule\":\"PlatformRule\","
            + "\"flowTuples\":[\"1715616013152,10.1.0.4,168.63.129.16,50001,80,6,O,B,NX,0,0,0,0\"]}]},{\"aclID\":\"3f9d2c71\","
            + "\"flowGroups\":[{\"rule\":\"UserRule_A\",\"flowTuples\":[\"1715616014000,10.1.0.4,10.1.1.5,50210,1433,6,O,C,X,1,2,3,4\"]},"
            + "{\"rule\":\"UserRule_B\",\"flowTuples\":[]}]}]}}";
    /** The VNet record with sorted keys: {@code aclID} after {@code flowGroups}, {@code rule} after {@code flowTuples}. */
    private static final String VNET_SORTED = "{\"category\":\"FlowLogFlowEvent\",\"flowLogGUID\":\"g\",\"flowLogResourceID\":"
            + "\"/SUBSCRIPTIONS/S1/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NW/FLOWLOGS/FL\","
            + "\"flowLogVersion\":4,\"flowRecords\":{\"flows\":[{\"aclID\":\"00000000-0000-0000-0000-000000000000\",\"flowGroups\":[{"
            + "\"flowTuples\":[\"1715616013152,10.1.0.4,168.63.129.16,50001,80,6,O,B,NX,0,0,0,0\"],\"rule\":\"PlatformRule\"}]},"
            + "{\"flowGroups\":[{\"flowTuples\":[\"1715616014000,10.1.0.4,10.1.1.5,50210,1433,6,O,C,X,1,2,3,4\"],\"rule\":\"UserRule_A\"},"
            + "{\"flowTuples\":[],\"rule\":\"UserRule_B\"}],\"aclID\":\"3f9d2c71\"}]},\"macAddress\":\"6045BD7A13C2\","
            + "\"operationName\":\"FlowLogFlowEvent\",\"targetResourceID\":\"/subscriptions/s1/resourceGroups/rg/providers/"
            + "Microsoft.Network/virtualNetworks/vnet-app\",\"time\":\"2024-05-13T16:00:52.5625085Z\"}";

    private static final List<String> RECORDS = List.of(NSG_V2, NSG_V1, NO_VERSION, VNET);
    private static final List<String> SORTED_RECORDS = List.of(NSG_V2_SORTED, NSG_V1, NO_VERSION, VNET_SORTED);

    /** What the reader must make of {@link #RECORDS}, whatever the shape. */
    private static final List<String> EXPECTED = List.of(
            "0 NetworkSecurityGroupFlowEvent 2024-05-13T15:22:31.7312706Z mac=000D3A9E14F8 nsg=2 vnet=-1 nsgFlows"
                    + " id=/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/API-NSG"
                    + " [DefaultRule_DenyAllInBound|000D3A9E14F8|null: 1715613720,203.0.113.5,10.0.2.5,40000,161,U,I,D,B,,,,]"
                    + " [UserRule_AllowSSH|000D3A9E14F8|null: 1715613730,198.51.100.23,10.0.2.5,52144,22,T,I,A,C,5,500,6,600;"
                    + " 1715613740,198.51.100.23,10.0.2.5,52144,22,T,I,A,E,1,100,1,100]"
                    + " [DefaultRule_DenyAllOutBound|null|null: ]",
            "1 NetworkSecurityGroupFlowEvent 2024-05-13T15:57:31.1Z mac=null nsg=1 vnet=-1 nsgFlows"
                    + " id=/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/API-NSG"
                    + " [UserRule_AllowSSH|000D3A9E14F8|null: 1715615851,198.51.100.23,10.0.2.5,52144,22,T,I,A]",
            "2 NetworkSecurityGroupFlowEvent 2024-05-13T15:58:31.1Z mac=null nsg=-1 vnet=-1 nsgFlows id=null"
                    + " [R|M|null: 1715615911,10.0.0.1,10.0.0.2,1,2,T,O,A]",
            "3 FlowLogFlowEvent 2024-05-13T16:00:52.5625085Z mac=6045BD7A13C2 nsg=-1 vnet=4 vnetFlows"
                    + " flowLog=/SUBSCRIPTIONS/S1/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NW/FLOWLOGS/FL"
                    + " target=/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-app"
                    + " [PlatformRule|null|00000000-0000-0000-0000-000000000000: 1715616013152,10.1.0.4,168.63.129.16,50001,80,6,O,B,NX,0,0,0,0]"
                    + " [UserRule_A|null|3f9d2c71: 1715616014000,10.1.0.4,10.1.1.5,50210,1433,6,O,C,X,1,2,3,4]"
                    + " [UserRule_B|null|3f9d2c71: ]");

    /** The shapes flow logs come in, each built from a list of records. */
    static Map<String, Function<List<String>, String>> shapes() {
        return Map.of(
                "envelope on one line", r -> "{\"records\":[" + String.join(",", r) + "]}",
                "envelope pretty-printed", r -> pretty("{\"records\":[" + String.join(",", r) + "]}"),
                "envelope after a UTF-8 BOM", r -> "\uFEFF{\"records\":[" + String.join(",", r) + "]}",
                "bare array", r -> "[" + String.join(",", r) + "]",
                "one record per line", r -> String.join("\n", r) + "\n",
                "one record per line, CRLF, no final newline", r -> String.join("\r\n", r));
    }

    static List<String> shapeNames() {
        return shapes().keySet().stream().sorted().toList();
    }

    /** A re-indented copy: a line break and indent after every brace, bracket and comma outside strings. */
    private static String pretty(String json) {
        StringBuilder sb = new StringBuilder();
        boolean inString = false;
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && json.charAt(i - 1) != '\\') {
                inString = !inString;
            }
            if (!inString && (c == '}' || c == ']')) {
                depth--;
                sb.append('\n').append("  ".repeat(depth));
            }
            sb.append(c);
            if (!inString && c == ':') {
                sb.append(' ');
            }
            if (!inString && (c == '{' || c == '[' || c == ',')) {
                depth += c == ',' ? 0 : 1;
                sb.append('\n').append("  ".repeat(depth));
            }
        }
        return sb.toString();
    }

    private static String describe(RawRecord r) {
        StringBuilder sb = new StringBuilder().append(r.index()).append(' ').append(r.category()).append(' ').append(r.time())
                .append(" mac=").append(r.macAddress()).append(" nsg=").append(r.nsgVersion()).append(" vnet=").append(r.vnetVersion());
        if (r.hasNsgFlows()) {
            sb.append(" nsgFlows id=").append(r.resourceId());
        }
        if (r.hasVnetFlows()) {
            sb.append(" vnetFlows flowLog=").append(r.flowLogResourceId()).append(" target=").append(r.targetResourceId());
        }
        for (RawRecord.Group g : r.groups()) {
            sb.append(" [").append(g.rule()).append('|').append(g.mac()).append('|').append(g.aclId()).append(": ");
            for (int t = g.firstTuple(); t < g.endTuple(); t++) {
                sb.append(t > g.firstTuple() ? "; " : "").append(TupleText.decode(r.bytes(), r.tupleStart(t), r.tupleLength(t)));
            }
            sb.append(']');
        }
        assertThat(r.problems()).as("problems of record %s", r.index()).isEmpty();
        return sb.toString();
    }

    private record Read(List<String> records, String stderr) {
    }

    private static Read read(InputStream in) {
        StringWriter err = new StringWriter();
        List<String> records = new ArrayList<>();
        long count = new RecordReader().read(in, new Diagnostics(err, false).forInput("test"), r -> records.add(describe(r)));
        assertThat(count).isEqualTo(records.size());
        return new Read(records, err.toString());
    }

    private static Read read(String text) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("shapeNames")
    void everyShapeReadsToTheSameRecords(String shape) {
        Read r = read(shapes().get(shape).apply(RECORDS));

        assertThat(r.stderr()).isEmpty();
        assertThat(r.records()).containsExactlyElementsOf(EXPECTED);
    }

    @ParameterizedTest
    @MethodSource("shapeNames")
    void keysInSortedOrderReadTheSame(String shape) {
        Read r = read(shapes().get(shape).apply(SORTED_RECORDS));

        assertThat(r.stderr()).isEmpty();
        assertThat(r.records()).containsExactlyElementsOf(EXPECTED);
    }

    @ParameterizedTest
    @MethodSource("shapeNames")
    void oneByteAtATimeReadsTheSame(String shape) {
        for (List<String> records : List.of(RECORDS, SORTED_RECORDS)) {
            byte[] bytes = shapes().get(shape).apply(records).getBytes(StandardCharsets.UTF_8);
            Read r = read(new OneByteAtATime(new ByteArrayInputStream(bytes)));

            assertThat(r.stderr()).isEmpty();
            assertThat(r.records()).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void theReaderCanBeReusedForTheNextInput() {
        RecordReader reader = new RecordReader();
        StringWriter err = new StringWriter();
        Diagnostics diag = new Diagnostics(err, false);
        List<Long> indexes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] bytes = ("[" + NSG_V1 + "," + NSG_V1 + "]").getBytes(StandardCharsets.UTF_8);
            reader.read(new ByteArrayInputStream(bytes), diag.forInput("in" + i), r -> indexes.add(r.index()));
        }

        assertThat(indexes).as("record indexes start again at 0").containsExactly(0L, 1L, 0L, 1L);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void recordOffsetsAreBytesIntoTheInput() {
        String text = "{\"records\":[" + NSG_V1 + ",  " + NSG_V1 + "]}";
        List<Long> offsets = new ArrayList<>();
        new RecordReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new Diagnostics(new StringWriter(), false).forInput("t"), r -> offsets.add(r.byteOffset()));

        assertThat(offsets).containsExactly(12L, 12L + NSG_V1.length() + 3);
    }

    /** Hands out one byte per read, as a slow pipe or network stream may. */
    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
