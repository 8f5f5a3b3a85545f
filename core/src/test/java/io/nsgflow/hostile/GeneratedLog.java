package io.nsgflow.hostile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.Encryption;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.IpAddress;
import io.nsgflow.model.LogFormat;
import io.nsgflow.model.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid flow logs of every version, with the values a correct decoder must give back for
 * each tuple. Written with Jackson's generator, so escaping and pretty-printing are real JSON; the
 * shapes are those Azure and log shippers produce.
 */
public final class GeneratedLog {
    public enum Shape { ENVELOPE, PRETTY_ENVELOPE, BARE_ARRAY, RECORD_PER_LINE }

    /** One tuple as written, and what decoding it must give. */
    public record Tuple(String text, long timeMillis, long srcHi, long srcLo, long dstHi, long dstLo, int srcPort, int dstPort,
                 int protocol, Direction direction, Action action, FlowState state, String encryption,
                 long packetsOut, long bytesOut, long packetsIn, long bytesIn) {
        /** True when {@code row} holds exactly this tuple's values. */
        public boolean matches(FlowRow row) {
            return row.timeMillis() == timeMillis && row.srcHi() == srcHi && row.srcLo() == srcLo
                    && row.dstHi() == dstHi && row.dstLo() == dstLo && row.srcPort() == srcPort && row.dstPort() == dstPort
                    && row.protocol() == protocol && row.direction() == direction && row.action() == action
                    && row.state() == state && java.util.Objects.equals(row.encryption(), encryption)
                    && row.packetsSrcToDst() == packetsOut && row.bytesSrcToDst() == bytesOut
                    && row.packetsDstToSrc() == packetsIn && row.bytesDstToSrc() == bytesIn;
        }
    }

    /** One record: its format, its rule and its tuples (one group). */
    public record Record(LogFormat format, String rule, List<Tuple> tuples) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final String SUB = "/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/RESOURCEGROUPS/RG-GEN";
    /** Rule names, some needing JSON escapes, one with a control character. */
    private static final String[] RULES = {
        "DefaultRule_DenyAllInBound", "DefaultRule_AllowInternetOutBound", "UserRule_allow-ssh",
        "UserRule_quote\"and\\backslash", "UserRule_Übergang_東京", "UserRule_bell\u0007tab\t"
    };

    private GeneratedLog() {
    }

    public static List<Record> records(Random r, int count, int maxTuples) {
        return records(r, count, maxTuples, LogFormat.values());
    }

    /** Records of the given formats, chosen at random per record. */
    static List<Record> records(Random r, int count, int maxTuples, LogFormat... formats) {
        List<Record> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LogFormat format = formats[r.nextInt(formats.length)];
            int n = 1 + r.nextInt(maxTuples);
            List<Tuple> tuples = new ArrayList<>(n);
            for (int t = 0; t < n; t++) {
                tuples.add(tuple(r, format));
            }
            records.add(new Record(format, RULES[r.nextInt(RULES.length)], tuples));
        }
        return records;
    }

    /** A random valid tuple of {@code format}, and what decoding it must give. */
    public static Tuple tuple(Random r, LogFormat format) {
        boolean vnet = format == LogFormat.VNET;
        long seconds = 1_500_000_000L + r.nextInt(400_000_000);
        long millis = vnet ? seconds * 1000 + r.nextInt(1000) : seconds * 1000;
        long[] src = new long[2];
        long[] dst = new long[2];
        String srcText = ip(r, src);
        String dstText = ip(r, dst);
        int srcPort = r.nextInt(65_536);
        int dstPort = r.nextInt(65_536);
        Direction direction = r.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND;
        StringBuilder sb = new StringBuilder();
        sb.append(vnet ? millis : seconds).append(',').append(srcText).append(',').append(dstText)
                .append(',').append(srcPort).append(',').append(dstPort).append(',');
        int protocol;
        Action action;
        FlowState state = null;
        String encryption = null;
        long[] counters = {FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT};
        if (vnet) {
            int[] protocols = {Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ICMPV6, r.nextInt(256)};
            protocol = protocols[r.nextInt(protocols.length)];
            state = FlowState.values()[r.nextInt(FlowState.values().length)];
            action = state == FlowState.DENY ? Action.DENY : Action.ALLOW;
            encryption = Encryption.KNOWN.get(r.nextInt(Encryption.KNOWN.size()));
            sb.append(protocol).append(',').append(letter(direction)).append(',').append(letter(state)).append(',')
                    .append(encryption);
            fillCounters(r, counters);
            appendCounters(sb, counters);
        } else {
            protocol = r.nextBoolean() ? Protocol.TCP : Protocol.UDP;
            action = r.nextBoolean() ? Action.ALLOW : Action.DENY;
            sb.append(protocol == Protocol.TCP ? 'T' : 'U').append(',').append(letter(direction)).append(',')
                    .append(action == Action.ALLOW ? 'A' : 'D');
            if (format == LogFormat.NSG_V2) {
                FlowState[] nsgStates = {FlowState.BEGIN, FlowState.CONTINUING, FlowState.END};
                state = nsgStates[r.nextInt(nsgStates.length)];
                sb.append(',').append(letter(state));
                if (state != FlowState.BEGIN || r.nextInt(4) == 0) {
                    fillCounters(r, counters);
                }
                appendCounters(sb, counters);
            }
        }
        return new Tuple(sb.toString(), millis, src[0], src[1], dst[0], dst[1], srcPort, dstPort, protocol, direction,
                action, state, encryption, counters[0], counters[1], counters[2], counters[3]);
    }

    /** Every value of a decoded row, for comparisons and messages. */
    public static String describe(FlowRow r) {
        return "time=" + r.timeMillis() + " src=" + Long.toHexString(r.srcHi()) + "/" + Long.toHexString(r.srcLo())
                + ":" + r.srcPort() + " dst=" + Long.toHexString(r.dstHi()) + "/" + Long.toHexString(r.dstLo()) + ":" + r.dstPort()
                + " proto=" + r.protocol() + " " + r.direction() + " " + r.action() + " " + r.state() + " enc=" + r.encryption()
                + " counters=" + r.packetsSrcToDst() + "," + r.bytesSrcToDst() + "," + r.packetsDstToSrc() + "," + r.bytesDstToSrc();
    }

    /** Writes an address as text (IPv4, or IPv6 in full or compressed form) and its halves into {@code out}. */
    private static String ip(Random r, long[] out) {
        if (r.nextInt(4) != 0) {
            int v4 = r.nextInt();
            out[0] = IpAddress.V4_HI;
            out[1] = IpAddress.v4Lo(v4);
            return (v4 >>> 24) + "." + (v4 >>> 16 & 0xFF) + "." + (v4 >>> 8 & 0xFF) + "." + (v4 & 0xFF);
        }
        out[0] = 0x2001_0db8_0000_0000L | (r.nextLong() & 0xFFFF_FFFFL);
        out[1] = r.nextInt(3) == 0 ? r.nextInt(65_536) : r.nextLong();
        String text = IpAddress.toString(out[0], out[1]);
        return r.nextBoolean() ? text : text.toUpperCase(java.util.Locale.ROOT);
    }

    private static void fillCounters(Random r, long[] counters) {
        counters[0] = r.nextInt(1000);
        counters[1] = r.nextInt(5) == 0 ? 3_000_000_000L + r.nextInt(1_000_000) : r.nextInt(1_000_000);
        counters[2] = r.nextInt(1000);
        counters[3] = r.nextInt(1_000_000);
    }

    private static void appendCounters(StringBuilder sb, long[] counters) {
        for (long c : counters) {
            sb.append(',');
            if (c != FlowRow.ABSENT) {
                sb.append(c);
            }
        }
    }

    private static char letter(Direction d) {
        return d == Direction.INBOUND ? 'I' : 'O';
    }

    private static char letter(FlowState s) {
        return switch (s) {
            case BEGIN -> 'B';
            case CONTINUING -> 'C';
            case END -> 'E';
            case DENY -> 'D';
        };
    }

    public static byte[] bytes(List<Record> records, Shape shape) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(records, shape, out);
        return out.toByteArray();
    }

    static void write(List<Record> records, Shape shape, OutputStream out) {
        try {
            if (shape == Shape.RECORD_PER_LINE) {
                for (int i = 0; i < records.size(); i++) {
                    try (JsonGenerator g = generator(out)) {
                        writeRecord(g, records.get(i), i);
                    }
                    out.write('\n');
                }
                return;
            }
            try (JsonGenerator g = generator(out)) {
                if (shape == Shape.PRETTY_ENVELOPE) {
                    g.useDefaultPrettyPrinter();
                }
                if (shape != Shape.BARE_ARRAY) {
                    g.writeStartObject();
                    g.writeFieldName("records");
                }
                g.writeStartArray();
                for (int i = 0; i < records.size(); i++) {
                    writeRecord(g, records.get(i), i);
                }
                g.writeEndArray();
                if (shape != Shape.BARE_ARRAY) {
                    g.writeEndObject();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** Writes one record the way Azure does: {@code time} first, then the header, then the flows. */
    static void writeRecord(JsonGenerator g, Record rec, int index) throws IOException {
        g.writeStartObject();
        g.writeStringField("time", "2024-05-14T09:%02d:%02d.1234567Z".formatted(index / 60 % 60, index % 60));
        if (rec.format() == LogFormat.VNET) {
            g.writeNumberField("flowLogVersion", 4);
            g.writeStringField("flowLogGUID", "66aa66aa-bb77-cc88-dd99-00ee00ee00ee");
            g.writeStringField("macAddress", "112233445566");
            g.writeStringField("category", "FlowLogFlowEvent");
            g.writeStringField("flowLogResourceID", SUB + "/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NW/FLOWLOGS/FL");
            g.writeStringField("targetResourceID", SUB + "/PROVIDERS/MICROSOFT.NETWORK/VIRTUALNETWORKS/VNET1");
            g.writeStringField("operationName", "FlowLogFlowEvent");
            g.writeObjectFieldStart("flowRecords");
            g.writeArrayFieldStart("flows");
            g.writeStartObject();
            g.writeStringField("aclID", "00000000-0000-0000-0000-000000000000");
            g.writeArrayFieldStart("flowGroups");
            g.writeStartObject();
            g.writeStringField("rule", rec.rule());
            writeTuples(g, rec);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } else {
            g.writeStringField("systemId", "a0fca5ce-022c-47b1-9735-89943b42f2fa");
            g.writeStringField("macAddress", "000D3AF87856");
            g.writeStringField("category", "NetworkSecurityGroupFlowEvent");
            g.writeStringField("resourceId", SUB + "/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG-GEN");
            g.writeStringField("operationName", "NetworkSecurityGroupFlowEvents");
            g.writeObjectFieldStart("properties");
            g.writeNumberField("Version", rec.format() == LogFormat.NSG_V1 ? 1 : 2);
            g.writeArrayFieldStart("flows");
            g.writeStartObject();
            g.writeStringField("rule", rec.rule());
            g.writeArrayFieldStart("flows");
            g.writeStartObject();
            g.writeStringField("mac", "000D3AF87856");
            writeTuples(g, rec);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeTuples(JsonGenerator g, Record rec) throws IOException {
        g.writeArrayFieldStart("flowTuples");
        for (Tuple t : rec.tuples()) {
            g.writeString(t.text());
        }
        g.writeEndArray();
    }

    /**
     * A blob of NSG v2 records, the {@code r}th of {@code recordTuples[r]} tuples under rule
     * {@code R<r>}: records as large as wanted, whose every tuple is distinct.
     */
    public static Path connections(Path blob, int... recordTuples) throws IOException {
        try (Writer out = Files.newBufferedWriter(blob, StandardCharsets.US_ASCII)) {
            out.write("{\"records\":[");
            for (int r = 0; r < recordTuples.length; r++) {
                out.write(r == 0 ? "" : ",");
                writeConnections(out, recordTuples[r], r);
            }
            out.write("]}");
        }
        return blob;
    }

    /** One NSG v2 record of whole connections (B, C, E) over 1,000 5-tuples, a second per 3,000 tuples: every tuple distinct. */
    private static void writeConnections(Writer out, int tuples, int rule) throws IOException {
        out.write("{\"time\":\"2024-05-14T09:00:35Z\",\"macAddress\":\"000D3AF87856\",\"category\":\"NetworkSecurityGroupFlowEvent\","
                + "\"resourceId\":\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG\","
                + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"R" + rule + "\",\"flows\":[{\"mac\":\"000D3AF87856\",\"flowTuples\":[");
        for (int i = 0; i < tuples; i++) {
            int k = i / 3 % 1000;
            char state = "BCE".charAt(i % 3);
            out.write((i == 0 ? "\"" : ",\"") + (1715677200 + i / 3000) + ",10.0." + (k >> 8) + "." + (k & 255) + ",20.1.2.3,"
                    + (40000 + k) + ",443,T,O,A," + state + (state == 'B' ? ",,,," : ",5,700,4,3000") + "\"");
        }
        out.write("]}]}]}}");
    }
}
