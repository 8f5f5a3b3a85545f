package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.format.OutputFormat;
import io.nsgflow.format.TextOut;
import io.nsgflow.format.WriterOptions;
import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.LogFormat;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code flows}' runs of shared columns (a group's names, the labels) copied whole give the same
 * bytes as the same cells written one by one: in every machine format, for any choice and order of
 * columns, with contexts equal in content but not identity, names that need quoting or escaping,
 * label combinations that share a slot, rows with all, some or none of their counters, and the
 * buffer drained in the middle of a run.
 */
class FlowsSharedRunsTest {
    private static final OutputFormat[] FORMATS = {OutputFormat.NDJSON, OutputFormat.JSON, OutputFormat.CSV, OutputFormat.TSV};
    private static final String[] NAMES = {"NSG-WEB", "DefaultRule_AllowInternetOutBound", "a,\"b\"", "tab\there", "line\nbreak",
        "back\\slash", "ünïcödé", "\uD83D\uDE00 emoji", "", null};
    private static final FlowState[] STATES = {FlowState.BEGIN, FlowState.CONTINUING, FlowState.END, FlowState.DENY, null};

    @Property(tries = 40)
    void runsWriteWhatTheirCellsWouldOneByOne(@ForAll @IntRange(min = 0, max = 3) int format, @ForAll long seed) {
        Random random = new Random(seed);
        List<FlowField> fields = fields(random);
        List<FlowRow> rows = rows(random, 400 + random.nextInt(800));
        String runs = write(FORMATS[format], fields, rows, false);
        String cellByCell = write(FORMATS[format], fields, rows, true);
        assertThat(runs).isEqualTo(cellByCell);
    }

    /** The default columns, every column, or a random choice in a random order (a column may come twice). */
    private static List<FlowField> fields(Random random) {
        FlowField[] all = Arrays.stream(FlowField.values()).filter(f -> f.address() == null).toArray(FlowField[]::new);
        return switch (random.nextInt(4)) {
            case 0 -> FlowField.DEFAULT;
            case 1 -> List.of(all);
            default -> {
                List<FlowField> chosen = new ArrayList<>();
                int n = 1 + random.nextInt(all.length + 4);
                for (int i = 0; i < n; i++) {
                    chosen.add(all[random.nextInt(all.length)]);
                }
                yield chosen;
            }
        };
    }

    /** Rows in groups, each group's context a new object, some equal in content to an earlier one. */
    private static List<FlowRow> rows(Random random, int count) {
        List<FlowRow> rows = new ArrayList<>();
        FlowContext context = null;
        List<FlowContext> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (context == null || random.nextInt(20) == 0) {
                context = random.nextBoolean() && !made.isEmpty() ? copy(made.get(random.nextInt(made.size()))) : context(random);
                made.add(context);
            }
            FlowRow r = new FlowRow();
            r.setContext(context);
            r.setTime(1_715_616_000_000L + random.nextInt(7_200_000) / (random.nextBoolean() ? 1 : 1000) * 1000L);
            r.setSource(0, 0xFFFF_0000_0000L | random.nextInt() & 0xFFFF_FFFFL, random.nextInt(65536));
            r.setDestination(random.nextInt(8) == 0 ? 0x2001_0db8_0000_0000L : 0, 0xFFFF_0A00_0000L + random.nextInt(300),
                    random.nextInt(8) == 0 ? 65535 : random.nextInt(1024));
            r.setProtocol(random.nextInt(4) == 0 ? random.nextInt(300) : random.nextBoolean() ? 6 : 17);
            r.setDecision(random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND,
                    random.nextBoolean() ? Action.ALLOW : Action.DENY, STATES[random.nextInt(STATES.length)]);
            r.setEncryption(random.nextInt(3) == 0 ? NAMES[random.nextInt(NAMES.length)] : null);
            boolean some = random.nextBoolean(); // else none, or now and then a few
            r.setCounters(counter(random, some), counter(random, some), counter(random, some), counter(random, some));
            rows.add(r);
        }
        return rows;
    }

    /** A counter at a digit-count boundary or anywhere; absent unless {@code some}, and once in 20 times anyway. */
    private static long counter(Random random, boolean some) {
        if (!some || random.nextInt(20) == 0) {
            return random.nextInt(40) == 0 ? 0 : FlowRow.ABSENT;
        }
        long p = (long) Math.pow(10, random.nextInt(19));
        return switch (random.nextInt(3)) {
            case 0 -> p - 1;
            case 1 -> p;
            default -> random.nextLong() & Long.MAX_VALUE;
        };
    }

    private static FlowContext context(Random random) {
        return new FlowContext("test", random.nextInt(100), LogFormat.NSG_V2, random.nextInt(3) + 1, name(random), name(random),
                name(random), name(random), name(random), name(random), name(random), name(random));
    }

    /** Equal in content, another object, its Strings other objects too. */
    private static FlowContext copy(FlowContext c) {
        return new FlowContext(c.source(), c.recordIndex(), c.format(), c.version(), fresh(c.subscription()),
                fresh(c.resourceGroup()), fresh(c.nsg()), fresh(c.rule()), fresh(c.mac()), fresh(c.aclId()),
                fresh(c.targetResource()), fresh(c.flowLog()));
    }

    private static String fresh(String s) {
        return s == null ? null : new String(s.toCharArray());
    }

    private static String name(Random random) {
        return NAMES[random.nextInt(NAMES.length)];
    }

    /** The rows through {@link FlowsReporter}; {@code cellByCell} hides the writer's runs from it. */
    private static String write(OutputFormat format, List<FlowField> fields, List<FlowRow> rows, boolean cellByCell) {
        StringWriter text = new StringWriter();
        TableSink writer = format.writer(new TextOut(text, false), WriterOptions.defaults());
        FlowsReporter reporter = new FlowsReporter(cellByCell ? new CellByCell(writer) : writer, fields, null);
        rows.forEach(reporter::accept);
        reporter.finish(new ReadStats());
        return text.toString();
    }

    /** A writer seen without {@link TableSink#cellRun}: every cell is a call. */
    private record CellByCell(TableSink writer) implements TableSink {
        public void startTable(TableSchema table) {
            writer.startTable(table);
        }

        public void beginRow() {
            writer.beginRow();
        }

        public void text(CharSequence value) {
            writer.text(value);
        }

        public void integer(long value) {
            writer.integer(value);
        }

        public void decimal(double value) {
            writer.decimal(value);
        }

        public void bool(boolean value) {
            writer.bool(value);
        }

        public void instant(long epochMillis) {
            writer.instant(epochMillis);
        }

        public void address(long hi, long lo) {
            writer.address(hi, lo);
        }

        public void nul() {
            writer.nul();
        }

        public void beginList() {
            writer.beginList();
        }

        public void endList() {
            writer.endList();
        }

        public void endRow() {
            writer.endRow();
        }

        public void endTable() {
            writer.endTable();
        }

        public void finish() {
            writer.finish();
        }
    }
}
