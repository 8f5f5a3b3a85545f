package io.nsgflow.report;

import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timeline}: one row per time bucket, aligned to the epoch (a 5-minute bucket starts at
 * :00, :05...), from the first bucket with traffic to the last; buckets between them without
 * traffic are written as zero rows, so that the shape is honest (up to {@link #MAX_FILLED_BUCKETS}). A flow is counted in the bucket
 * of its first tuple. For people (table format) each row also gets a bar, scaled so that the
 * largest bucket fills the terminal's width.
 */
public final class TimelineReporter extends CountingReporter<TimelineReporter> {
    public static final String TABLE = "timeline";
    /** The bucket sizes {@code --every} accepts, and their length in milliseconds. */
    public static final Map<String, Long> BUCKETS = Map.of("1m", 60_000L, "5m", 300_000L, "15m", 900_000L, "1h", 3_600_000L);
    static final int MIN_BAR = 10;
    /**
     * Empty buckets are written as zero rows when the data spans at most this many buckets (a
     * week of minutes); beyond that (inputs days or years apart) only buckets with traffic are.
     */
    static final long MAX_FILLED_BUCKETS = 10_080;
    private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

    private final long every;
    private final Metric metric;
    private final int terminalWidth;
    private final Map<Long, Tally> buckets = new HashMap<>();

    /**
     * @param every         bucket length in milliseconds
     * @param metric        what the bar shows
     * @param terminalWidth columns the table may fill, bar included; 0 for no bar (machine formats)
     */
    public TimelineReporter(TableWriter writer, long every, Metric metric, int terminalWidth) {
        super(writer);
        this.every = every;
        this.metric = metric;
        this.terminalWidth = terminalWidth;
    }

    private TimelineReporter(long every) {
        this.every = every;
        this.metric = Metric.FLOWS;
        this.terminalWidth = 0;
    }

    @Override
    public TimelineReporter partial() {
        return new TimelineReporter(every);
    }

    /** @throws IllegalArgumentException naming the sizes there are */
    public static long parseEvery(String text) {
        Long millis = BUCKETS.get(text.trim().toLowerCase(java.util.Locale.ROOT));
        if (millis == null) {
            throw new IllegalArgumentException("unknown bucket size '" + text + "' (1m, 5m, 15m, 1h)");
        }
        return millis;
    }

    @Override
    void count(FlowRow row, boolean tuple, boolean flow) {
        long bucket = Math.floorDiv(row.timeMillis(), every) * every;
        buckets.computeIfAbsent(bucket, b -> new Tally()).add(row, tuple, flow);
    }

    @Override
    void mergeCounts(TimelineReporter later) {
        MergeMaps.into(buckets, later.buckets, Tally::add);
    }

    @Override
    void write(ReadStats stats) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("time"));
        columns.addAll(Tally.COLUMNS);
        int barWidth = terminalWidth > 0 ? barWidth(columns) : 0;
        if (barWidth > 0) {
            columns.add(Column.text("bar"));
        }
        writer.startTable(TABLE, columns);
        List<Long> times = new ArrayList<>(buckets.keySet());
        times.sort(null);
        boolean fill = !times.isEmpty() && (times.get(times.size() - 1) - times.get(0)) / every <= MAX_FILLED_BUCKETS;
        long max = buckets.values().stream().mapToLong(metric::of).max().orElse(0);
        CellText text = new CellText();
        Tally zero = new Tally();
        long previous = Long.MIN_VALUE;
        for (long time : times) {
            for (long empty = previous + every; fill && previous != Long.MIN_VALUE && empty < time; empty += every) {
                row(text, empty, zero, max, barWidth);
            }
            row(text, time, buckets.get(time), max, barWidth);
            previous = time;
        }
        writer.endTable();
    }

    private void row(CellText text, long time, Tally t, long max, int barWidth) {
        writer.beginRow();
        writer.text(text.time(time));
        t.write(writer);
        if (barWidth > 0) {
            writer.text(bar(metric.of(t), max, barWidth));
        }
        writer.endRow();
    }

    /** What is left of the terminal once the other columns and their gaps are laid out. */
    private int barWidth(List<Column> columns) {
        int used = "2024-01-01T00:00:00Z".length();
        for (int i = 1; i < columns.size(); i++) {
            int widest = columns.get(i).name().length();
            for (Tally t : buckets.values()) {
                widest = Math.max(widest, Long.toString(Metric.values()[i - 1].of(t)).length());
            }
            used += widest;
        }
        used += 2 * columns.size(); // the gap before each column after the first, and before the bar
        return Math.max(MIN_BAR, terminalWidth - used);
    }

    /** Full blocks and an eighth-block remainder; any non-zero value shows at least an eighth. */
    static String bar(long value, long max, int width) {
        if (value <= 0 || max <= 0) {
            return "";
        }
        long eighths = Math.max(1, Math.round((double) value / max * width * 8));
        return "█".repeat((int) (eighths / 8)) + EIGHTHS[(int) (eighths % 8)];
    }
}
