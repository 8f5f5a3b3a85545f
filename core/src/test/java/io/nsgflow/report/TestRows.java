package io.nsgflow.report;

import io.nsgflow.SharedSamples;
import io.nsgflow.decode.RecordDecoder;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TextOut;
import io.nsgflow.format.WriterOptions;
import io.nsgflow.result.Results;
import io.nsgflow.result.TableSink;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.IpAddress;
import io.nsgflow.model.LogFormat;
import io.nsgflow.model.ReadStats;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.source.PathMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rows for reporter tests: hand-written tuples, or every row of a real file; and running a reporter to text. */
final class TestRows {
    private TestRows() {
    }

    /**
     * A row from a short tuple: {@code seconds,src,dst,srcPort,dstPort,T|U,I|O,A|D,state,p1,b1,p2,b2}
     * where state is B, C, E, D (VNet deny) or empty (version 1); counters may be empty.
     */
    static FlowRow row(String mac, String rule, String tuple) {
        String[] f = tuple.split(",", -1);
        FlowRow r = new FlowRow();
        boolean v1 = f[8].isEmpty();
        r.setContext(new FlowContext("test", 0, v1 ? LogFormat.NSG_V1 : LogFormat.NSG_V2, v1 ? 1 : 2,
                "sub", "RG", "NSG1", rule, mac, null, null, null));
        r.setTime(Long.parseLong(f[0]) * 1000);
        long[] ip = new long[2];
        IpAddress.parse(f[1], ip);
        r.setSource(ip[0], ip[1], Integer.parseInt(f[3]));
        IpAddress.parse(f[2], ip);
        r.setDestination(ip[0], ip[1], Integer.parseInt(f[4]));
        r.setProtocol(f[5].equals("T") ? 6 : 17);
        FlowState state = switch (f[8]) {
            case "B" -> FlowState.BEGIN;
            case "C" -> FlowState.CONTINUING;
            case "E" -> FlowState.END;
            case "D" -> FlowState.DENY;
            default -> null;
        };
        r.setDecision(f[6].equals("I") ? Direction.INBOUND : Direction.OUTBOUND,
                f[7].equals("D") ? Action.DENY : Action.ALLOW, state);
        if (f.length > 9) {
            r.setCounters(counter(f[9]), counter(f[10]), counter(f[11]), counter(f[12]));
        } else {
            r.setCounters(FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT);
        }
        return r;
    }

    static FlowRow row(String tuple) {
        return row("000D3AF87856", "UserRule_Web", tuple);
    }

    private static long counter(String s) {
        return s.isEmpty() ? FlowRow.ABSENT : Long.parseLong(s);
    }

    /** Every row of a flow-log file, detached copies in input order. */
    static List<FlowRow> read(Path file) {
        List<FlowRow> rows = new ArrayList<>();
        Diagnostics diagnostics = new Diagnostics(new StringWriter(), false);
        RecordDecoder decoder = new RecordDecoder(file.toString(), PathMetadata.NONE,
                diagnostics.forInput(file.toString()), r -> rows.add(r.copy()));
        try (InputStream in = Files.newInputStream(file)) {
            new RecordReader().read(in, diagnostics.forInput(file.toString()), decoder::decode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Every row of a file in ../shared/samples; the calling test is skipped when that folder is absent. */
    static List<FlowRow> shared(String name) {
        return read(SharedSamples.file(name));
    }

    /** What a reporter made by {@code make} writes, in {@code format}, after reading {@code rows}. */
    static String run(OutputFormat format, boolean multipleTables, Function<TableSink, Reporter> make,
            List<FlowRow> rows) {
        StringWriter out = new StringWriter();
        Reporter reporter = make.apply(writer(format, multipleTables, out));
        rows.forEach(reporter::accept);
        reporter.finish(new ReadStats());
        return out.toString();
    }

    /** A writer of {@code format} into {@code out}, with headers and no width limit. */
    static TableSink writer(OutputFormat format, boolean multipleTables, StringWriter out) {
        return format.writer(new TextOut(out, false), WriterOptions.defaults().withMultipleTables(multipleTables));
    }

    /** The result a reporter made by {@code make} gives after reading {@code rows}. */
    static Results results(Function<TableSink, Reporter> make, List<FlowRow> rows) {
        Results results = new Results();
        Reporter reporter = make.apply(results);
        rows.forEach(reporter::accept);
        reporter.finish(new ReadStats());
        return results;
    }
}
