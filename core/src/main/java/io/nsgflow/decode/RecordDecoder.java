package io.nsgflow.decode;

import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.model.Problem;
import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowSink;
import io.nsgflow.model.LogFormat;
import io.nsgflow.parse.RawRecord;
import io.nsgflow.parse.TupleText;
import io.nsgflow.model.Macs;
import io.nsgflow.source.PathMetadata;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the records of one input into flow rows. The format is told apart per record (real blobs
 * mix NSG versions 1 and 2 within an hour, and folders mix NSG and VNet logs): by its shape
 * ({@code properties.flows} or {@code flowRecords}), then by {@code Version}, then, when the
 * version is missing, by each tuple's field count. A bad tuple is reported and skipped alone; a
 * tuple repeated identically in its record is marked as a repeat ({@link RepeatedTuples}).
 */
public final class RecordDecoder {
    private static final String NSG_CATEGORY = "NetworkSecurityGroupFlowEvent";
    private static final String VNET_CATEGORY = "FlowLogFlowEvent";
    /** What other categories that share the records envelope are, for a clearer message. */
    private static final Map<String, String> OTHER_CATEGORIES = Map.of(
            "networksecuritygroupevent", "an NSG event log",
            "networksecuritygrouprulecounter", "an NSG rule counter log",
            "applicationgatewayaccesslog", "an Application Gateway access log",
            "applicationgatewayperformancelog", "an Application Gateway performance log",
            "applicationgatewayfirewalllog", "an Application Gateway firewall log",
            "azurefirewallnetworkrule", "an Azure Firewall log",
            "azurefirewallapplicationrule", "an Azure Firewall log");

    private final NsgTupleDecoder nsgV1 = new NsgTupleDecoder(1);
    private final NsgTupleDecoder nsgV2 = new NsgTupleDecoder(2);
    private final VnetTupleDecoder vnet = new VnetTupleDecoder();
    private final FlowRow row = new FlowRow();
    private final RepeatedTuples repeats = new RepeatedTuples();
    private final String source;
    private final PathMetadata pathMeta;
    private final FileDiagnostics diag;
    private final FlowSink sink;
    private final ContextCheck check;
    private long flowRecords;
    private long tuples;

    public RecordDecoder(String source, PathMetadata pathMeta, FileDiagnostics diag, FlowSink sink) {
        this.source = source;
        this.pathMeta = pathMeta;
        this.diag = diag;
        this.sink = sink;
        this.check = new ContextCheck(pathMeta, diag);
    }

    /** Flow-log records decoded so far (records of other categories and unsupported versions excluded). */
    public long flowRecords() {
        return flowRecords;
    }

    /** Tuples read so far, good and bad. */
    public long tuples() {
        return tuples;
    }

    public void decode(RawRecord rec) {
        try {
            decodeRecord(rec);
        } catch (UncheckedIOException e) {
            diag.problem(Problem.BAD_RECORD, where(rec), "the tuples of this record, too large to hold in memory, could not be read back from their temporary file in "
                    + System.getProperty("java.io.tmpdir") + " (" + e.getCause().getMessage() + "); rest of record skipped");
        }
    }

    private void decodeRecord(RawRecord rec) {
        for (String problem : rec.problems()) {
            diag.problem(Problem.BAD_RECORD, where(rec), problem);
        }
        boolean vnetShape = rec.hasVnetFlows() || VNET_CATEGORY.equalsIgnoreCase(rec.category());
        boolean nsgShape = rec.hasNsgFlows() || NSG_CATEGORY.equalsIgnoreCase(rec.category());
        if (vnetShape && rec.hasVnetFlows()) {
            decodeVnet(rec);
        } else if (nsgShape && rec.hasNsgFlows()) {
            decodeNsg(rec);
        } else if ((vnetShape || nsgShape) && rec.problems().isEmpty()) { // else the problem is already said
            diag.problem(Problem.BAD_RECORD, where(rec), "flow-log record without "
                    + (vnetShape ? "'flowRecords.flows'" : "'properties.flows'") + "; skipped");
        } else if (!vnetShape && !nsgShape) {
            diag.problemOnce(Problem.NOT_FLOW_LOG, where(rec), notFlowLog(rec.category()));
        }
    }

    private static String notFlowLog(String category) {
        if (category == null) {
            return "not a flow-log record (no 'properties.flows', no 'flowRecords', no category); skipped";
        }
        String what = OTHER_CATEGORIES.get(category.toLowerCase(Locale.ROOT));
        return "not a flow log: category '" + category + "'" + (what == null ? "" : " is " + what) + "; skipped";
    }

    private void decodeNsg(RawRecord rec) {
        int version = rec.nsgVersion();
        if (version == RawRecord.NOT_A_VERSION) {
            return; // the reader said why
        }
        if (version != 1 && version != 2 && version != -1) {
            diag.problemOnce(Problem.UNSUPPORTED_VERSION, where(rec), "NSG flow log Version " + version
                    + " is not supported (nsgflow reads versions 1 and 2); record skipped");
            return;
        }
        flowRecords++;
        ResourceId id = ResourceId.parse(rec.resourceId(), "NETWORKSECURITYGROUPS");
        String subscription = first(id.subscription(), pathMeta.subscription());
        String group = first(id.resourceGroup(), pathMeta.resourceGroup());
        String nsg = first(id.nameAfter(), pathMeta.nsg());
        String recordMac = first(Macs.normalize(rec.macAddress()), pathMeta.mac());
        check.nsg(id, rec);
        repeats.reset(rec, g -> groupMac(g, recordMac));
        for (RawRecord.Group g : rec.groups()) {
            String mac = groupMac(g, recordMac);
            FlowContext v1 = null;
            FlowContext v2 = null;
            if (g.firstTuple() == g.endTuple() && g.rule() != null) {
                sink.ruleNamed(nsgContext(rec, version == 1 ? 1 : 2, subscription, group, nsg, g.rule(), mac));
            }
            for (int t = g.firstTuple(); t < g.endTuple(); t++) {
                rec.load(t);
                int tupleVersion = version != -1 ? version : versionByFields(rec, t);
                FlowContext context;
                if (tupleVersion == 1) {
                    v1 = v1 != null ? v1 : nsgContext(rec, 1, subscription, group, nsg, g.rule(), mac);
                    context = v1;
                } else {
                    v2 = v2 != null ? v2 : nsgContext(rec, 2, subscription, group, nsg, g.rule(), mac);
                    context = v2;
                }
                emit(rec, t, tupleVersion == 1 ? nsgV1 : nsgV2, context);
            }
        }
    }

    private FlowContext nsgContext(RawRecord rec, int version, String subscription, String group, String nsg, String rule,
            String mac) {
        return new FlowContext(source, rec.index(), version == 1 ? LogFormat.NSG_V1 : LogFormat.NSG_V2, version,
                subscription, group, nsg, rule, mac, null, null, null);
    }

    /** Version 1 tuples have 8 fields, version 2 tuples 13; anything else is decoded as 2 and rejected there. */
    private static int versionByFields(RawRecord rec, int tuple) {
        return TupleFields.count(rec.bytes(), rec.tupleStart(tuple), rec.tupleLength(tuple)) == 8 ? 1 : 2;
    }

    private void decodeVnet(RawRecord rec) {
        int version = rec.vnetVersion();
        if (version == RawRecord.NOT_A_VERSION) {
            return; // the reader said why
        }
        if (version != 4 && version != -1) {
            diag.problemOnce(Problem.UNSUPPORTED_VERSION, where(rec), "VNet flowLogVersion " + version
                    + " is not supported (nsgflow reads version 4); record skipped");
            return;
        }
        flowRecords++;
        ResourceId target = ResourceId.parse(rec.targetResourceId(), null);
        ResourceId flowLogId = ResourceId.parse(rec.flowLogResourceId(), "FLOWLOGS");
        String subscription = first(first(target.subscription(), flowLogId.subscription()), pathMeta.subscription());
        String targetName = targetName(rec.targetResourceId());
        String flowLog = first(flowLogId.nameAfter(), pathMeta.flowLog());
        String mac = first(Macs.normalize(rec.macAddress()), pathMeta.mac());
        check.vnet(flowLogId, rec);
        repeats.reset(rec, g -> mac);
        for (RawRecord.Group g : rec.groups()) {
            String nsg = ResourceId.parse(g.aclId(), "NETWORKSECURITYGROUPS").nameAfter();
            FlowContext context = new FlowContext(source, rec.index(), LogFormat.VNET, 4,
                    subscription, target.resourceGroup(), nsg, g.rule(), mac, g.aclId(), targetName, flowLog);
            if (g.firstTuple() == g.endTuple() && g.rule() != null) {
                sink.ruleNamed(context);
            }
            for (int t = g.firstTuple(); t < g.endTuple(); t++) {
                rec.load(t);
                emit(rec, t, vnet, context);
            }
        }
    }

    private void emit(RawRecord rec, int tuple, TupleDecoder decoder, FlowContext context) {
        tuples++;
        byte[] text = rec.bytes();
        int start = rec.tupleStart(tuple);
        int len = rec.tupleLength(tuple);
        try {
            decoder.decode(text, start, len, row);
        } catch (TupleException e) {
            diag.problem(Problem.BAD_TUPLE, where(rec) + " tuple " + tuple,
                    "\"" + TupleText.decode(text, start, len, 200) + "\": " + e.getMessage() + "; tuple skipped");
            return;
        }
        row.setRepeat(repeats.repeated(tuple, context.mac(), row));
        row.setContext(context);
        sink.accept(row);
    }

    /** Where a problem with the record is: made only for a problem, as a byte range's record numbers wait for the ranges before it. */
    private String where(RawRecord rec) {
        return "record " + diag.recordNumber(rec.index());
    }

    /**
     * The target's name path below its provider: {@code VNET} for a virtual network,
     * {@code VNET/SUBNET} for a subnet, {@code NIC} for a network interface.
     */
    static String targetName(String targetResourceId) {
        if (targetResourceId == null) {
            return null;
        }
        String[] parts = targetResourceId.split("/");
        int provider = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equalsIgnoreCase("PROVIDERS")) {
                provider = i;
            }
        }
        if (provider < 0 || provider + 3 >= parts.length) {
            return targetResourceId;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = provider + 3; i < parts.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }

    /** The MAC an NSG group's tuples are read and compared under: the group's own, else the record's. */
    private static String groupMac(RawRecord.Group g, String recordMac) {
        return first(Macs.normalize(g.mac()), recordMac);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
