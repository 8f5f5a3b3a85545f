package io.nsgflow.cli;

import io.nsgflow.format.html.CapturedTables;
import io.nsgflow.format.html.HtmlPage;
import io.nsgflow.format.html.HtmlPage.Section;
import io.nsgflow.report.Fanout;
import io.nsgflow.report.GroupBy;
import io.nsgflow.report.Metric;
import io.nsgflow.report.Reporter;
import io.nsgflow.report.RowSubset;
import io.nsgflow.report.RulesReporter;
import io.nsgflow.report.SummaryReporter;
import io.nsgflow.report.TimelineReporter;
import io.nsgflow.report.TopReporter;
import io.nsgflow.result.TableSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the report page shows and which reporter answers each part: the same reporters, with the
 * same options, as the commands a user would run for that part ({@code summary}, {@code top --by
 * src}, {@code top --by src --action deny}, {@code rules}, {@code timeline --every B}), all fed by
 * one pass. Each writes into its own capture, from which the page is laid out.
 */
final class ReportPageViews {
    /** The most timeline points the automatic bucket gives, when a bucket size gives so few. */
    static final int MAX_POINTS = 200;
    /** Timeline rows kept when even the largest bucket gives more than {@link #MAX_POINTS}. */
    static final int MAX_TIMELINE_ROWS = 1_000;
    /** Rules kept for the page, the busiest first; the page says how many more there are. */
    static final int MAX_RULES = 300;
    /** The summary's tables the page shows; its rankings are the page's own, with more rows. */
    private static final List<String> SUMMARY_TABLES = List.of("overview", "traffic", "actions", "protocols", "encryption", "skipped");

    private record View(CapturedTables tables, Function<TableSink, Reporter> reporter) {
    }

    private final List<View> views = new ArrayList<>();
    private final CapturedTables summary;
    private final Map<String, CapturedTables> rankings = new LinkedHashMap<>();
    private final CapturedTables rules;
    /** Timeline captures by bucket length, shortest first. */
    private final Map<Long, CapturedTables> timelines = new LinkedHashMap<>();

    /**
     * @param top   rows kept per ranking
     * @param every the timeline's bucket in milliseconds, or 0 to choose one that gives at most
     *              {@link #MAX_POINTS} points
     * @param since the timeline's window, as {@code --since} and {@code --until} set it
     *              ({@code Long.MIN_VALUE} and {@code Long.MAX_VALUE} for the traffic's own span)
     */
    ReportPageViews(int top, long every, long since, long until) {
        summary = view(1_000, w -> new SummaryReporter(w, null)); // its rankings go unused, its other tables are a few rows each
        ranking("topSources", top, GroupBy.SRC, false);
        ranking("topDestinations", top, GroupBy.DST, false);
        ranking("topDstPorts", top, GroupBy.DSTPORT, false);
        ranking("topPairs", top, GroupBy.PAIR, false);
        ranking("deniedSources", top, GroupBy.SRC, true);
        ranking("deniedDstPorts", top, GroupBy.DSTPORT, true);
        ranking("deniedRules", top, GroupBy.RULE, true);
        rules = view(MAX_RULES, RulesReporter::new);
        List<Long> sizes = every > 0 ? List.of(every)
                : TimelineReporter.BUCKETS.values().stream().sorted(Comparator.naturalOrder()).toList();
        for (long size : sizes) {
            timelines.put(size, view(MAX_TIMELINE_ROWS, w -> new TimelineReporter(w, size, Metric.FLOWS, since, until)));
        }
    }

    private CapturedTables view(int keep, Function<TableSink, Reporter> reporter) {
        CapturedTables tables = new CapturedTables(keep);
        views.add(new View(tables, reporter));
        return tables;
    }

    /** A ranking of every key (so that its row count is the number of distinct keys), of which {@code top} rows are kept. */
    private void ranking(String name, int top, GroupBy by, boolean deniedOnly) {
        rankings.put(name, view(top, w -> {
            TopReporter all = new TopReporter(w, by, Metric.FLOWS, null);
            return deniedOnly ? new RowSubset<>(RowSubset.DENIED, all) : all;
        }));
    }

    /** A reporter feeding every view; each call makes a fresh one (a partial, for parallel reads). */
    Fanout reporter() {
        return new Fanout(views.stream().map(v -> v.reporter().apply(v.tables())).toList());
    }

    /** The timeline's bucket: the shortest that gives at most {@link #MAX_POINTS} points, else the longest. */
    long bucket() {
        long chosen = 0;
        for (Map.Entry<Long, CapturedTables> t : timelines.entrySet()) {
            chosen = t.getKey();
            if (t.getValue().table(TimelineReporter.TABLE).total() <= MAX_POINTS) {
                break;
            }
        }
        return chosen;
    }

    /** Adds every table and section to {@code page}, once the reporters have finished. */
    void addTo(HtmlPage page) {
        for (String name : SUMMARY_TABLES) {
            if (summary.has(name)) {
                page.table(name, summary.table(name));
            }
        }
        rankings.forEach((name, tables) -> page.table(name, tables.table(TopReporter.TABLE)));
        page.table("rules", rules.table(RulesReporter.TABLE));
        page.table("timeline", timelines.get(bucket()).table(TimelineReporter.TABLE));

        page.section(new Section("overview", "Overview", "cards",
                tables("overview", "", "traffic", "", "topSources", "", "topDestinations", "", "skipped", ""), null));
        page.section(new Section("timeline", "Timeline", "timeline", tables("timeline", "Flows and bytes"),
                "A flow is counted in the bucket of its first tuple; packets and bytes in the bucket of each tuple."));
        page.section(new Section("top", "Top talkers", "rankings",
                tables("topSources", "Sources", "topDestinations", "Destinations",
                        "topDstPorts", "Destination ports", "topPairs", "Pairs"),
                "Ranked by flows, as nsgflow top --by src|dst|dstport|pair prints them."));
        page.section(new Section("denied", "Denied traffic", "rankings",
                tables("deniedSources", "Who was denied", "deniedDstPorts", "On which ports", "deniedRules", "By which rule"),
                "Only denied tuples, as nsgflow top --action deny prints them."));
        page.section(new Section("rules", "Rules", "rules", tables("rules", "Hits per NSG and rule"),
                "Flows each rule allowed and denied, as nsgflow rules prints them."));
        page.section(new Section("pairs", "Who talks to whom", "pairs", tables("topPairs", "Top pairs by flows"),
                "Sources on the left, destinations on the right; band width is flows."));
        page.section(new Section("breakdown", "Direction, action and protocol", "rankings",
                tables("actions", "Direction and action", "protocols", "Protocols", "encryption", "Encryption (VNet)"), null));
    }

    /** Table names and headings, in order. */
    private static Map<String, String> tables(String... nameThenTitle) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenTitle.length; i += 2) {
            m.put(nameThenTitle[i], nameThenTitle[i + 1]);
        }
        return m;
    }
}
