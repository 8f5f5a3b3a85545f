package io.nsgflow.report;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code timeline}: one row per time bucket, aligned to the epoch (a 5-minute bucket starts at
 * :00, :05...), over the window asked for ({@code --since}/{@code --until}) or else from the first
 * bucket with traffic to the last. Buckets without traffic are written as zero rows, so that the
 * shape is honest, up to {@link #MAX_FILLED_BUCKETS}; past that only buckets with traffic are
 * written and a note says so and which bucket size would fit. A flow is counted in the bucket of
 * its first tuple. The metric's column is marked as charted: a table draws it as a bar.
 */
public final class TimelineReporter extends CountingReporter<TimelineReporter> {
    public static final String TABLE = "timeline";
    /** The bucket sizes {@code --every} accepts, smallest first, and their length in milliseconds. */
    public static final Map<String, Long> BUCKETS;

    static {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String size : List.of("1m", "5m", "15m", "30m", "1h", "6h", "1d")) {
            sizes.put(size, length(size));
        }
        BUCKETS = Collections.unmodifiableMap(sizes);
    }

    /**
     * Empty buckets are written as zero rows when the span holds at most this many buckets (a
     * week of minutes); beyond that (inputs days or years apart) only buckets with traffic are.
     */
    static final long MAX_FILLED_BUCKETS = 10_080;

    private final long every;
    private final Metric metric;
    private final long since;
    private final long until;
    private final Map<Long, Tally> buckets = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    @Override
    long countedKeys() {
        return buckets.size();
    }

    /**
     * @param every bucket length in milliseconds
     * @param metric what the chart shows
     * @param since the window's start, or {@code Long.MIN_VALUE} for the first bucket with traffic
     * @param until the window's end (inclusive), or {@code Long.MAX_VALUE} for the last bucket with traffic
     */
    public TimelineReporter(TableSink writer, long every, Metric metric, long since, long until) {
        super(writer);
        this.every = every;
        this.metric = metric;
        this.since = since;
        this.until = until;
    }

    /** A partial counts into buckets; the window and the chart are the whole's business. */
    private TimelineReporter(long every) {
        this.every = every;
        this.metric = null;
        this.since = Long.MIN_VALUE;
        this.until = Long.MAX_VALUE;
    }

    @Override
    public TimelineReporter partial() {
        return new TimelineReporter(every);
    }

    public static TableSchema schema(Metric metric) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.instant("time"));
        int dropOrder = 1;
        for (Metric m : Metric.values()) {
            columns.add(m == metric ? m.column().charted(true) : m.column().priority(dropOrder++));
        }
        return TableSchema.rows(TABLE, columns);
    }


    /** @throws IllegalArgumentException naming the sizes there are */
    public static long parseEvery(String text) {
        Long millis = BUCKETS.get(text.trim().toLowerCase(Locale.ROOT));
        if (millis == null) {
            throw new IllegalArgumentException("unknown bucket size '" + text + "' (" + String.join(", ", BUCKETS.keySet()) + ")");
        }
        return millis;
    }

    private static long length(String size) {
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (size.charAt(size.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n).toMillis();
            case 'h' -> Duration.ofHours(n).toMillis();
            default -> Duration.ofDays(n).toMillis();
        };
    }

    @Override
    void count(FlowRow row, boolean tuple, boolean flow) {
        buckets.computeIfAbsent(bucket(row.timeMillis()), b -> new Tally()).add(row, tuple, flow);
    }

    private long bucket(long millis) {
        return Math.floorDiv(millis, every) * every;
    }

    @Override
    void mergeCounts(TimelineReporter later) {
        MergeMaps.into(buckets, later.buckets, Tally::add);
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    void write(ReadStats stats) {
        writer.startTable(schema(metric));
        List<Long> times = new ArrayList<>(buckets.keySet());
        times.sort(null);
        long start = since != Long.MIN_VALUE ? bucket(since) : times.isEmpty() ? Long.MAX_VALUE : times.get(0);
        long end = until != Long.MAX_VALUE ? bucket(until) : times.isEmpty() ? Long.MIN_VALUE : times.get(times.size() - 1);
        long span = end < start ? 0 : (end - start) / every + 1;
        if (span <= MAX_FILLED_BUCKETS) {
            Tally zero = new Tally();
            for (long time = start; time <= end; time += every) {
                row(time, buckets.getOrDefault(time, zero));
            }
        } else {
            for (long time : times) {
                row(time, buckets.get(time));
            }
            notes.add("the timeline spans " + span + " buckets, more than " + MAX_FILLED_BUCKETS + ": only the "
                    + times.size() + " with traffic are written, empty ones are left out" + suggestion(end - start));
        }
        writer.endTable();
    }

    /** The smallest bucket size that would show {@code span} milliseconds whole, as advice. */
    private String suggestion(long span) {
        for (Map.Entry<String, Long> size : BUCKETS.entrySet()) {
            if (size.getValue() > every && span / size.getValue() + 1 <= MAX_FILLED_BUCKETS) {
                return " (--every " + size.getKey() + " shows every bucket)";
            }
        }
        return " (narrow the window with --since and --until to see every bucket)";
    }

    private void row(long time, Tally t) {
        writer.beginRow();
        writer.instant(time);
        t.write(writer);
        writer.endRow();
    }
}
