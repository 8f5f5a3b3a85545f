package io.nsgflow.report;

import io.nsgflow.model.Action;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.Protocol;
import io.nsgflow.model.ReadStats;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code conversations}: version-2 and VNet tuples stitched by MAC and 5-tuple into one row per
 * connection, so there is one row per flow as {@link FlowIdentity} counts them. A {@code B} opens
 * a conversation (a second {@code B} for an open one starts a new one), {@code C} and {@code E}
 * add their counters, {@code E} completes it. A {@code C} or {@code E} with nothing open starts a
 * conversation marked as begun before the input. Denials are one-tuple conversations.
 *
 * <p>Version-1 tuples have no state to stitch: they are left out and counted
 * ({@link #statelessSkipped()}).
 *
 * <p>When streaming, each conversation is written as it closes; those still open are written at
 * the end, by first seen, then key. A partial instance (for reading in parallel) must not stream:
 * it keeps closed conversations in order, and {@link #merge} joins the later part's first
 * conversation of a key with this part's open one.
 */
public final class ConversationsReporter implements Reporter, Mergeable<ConversationsReporter> {
    public static final String TABLE = "conversations";
    /** The columns; a table that must leave some out keeps who talked to whom, when, and how it ended. */
    public static final TableSchema SCHEMA = TableSchema.rows(TABLE, List.of(Column.instant("firstSeen"),
            Column.instant("lastSeen").priority(6), Column.seconds("seconds").priority(3), Column.text("state").priority(1),
            Column.bool("startedBefore").priority(9), Column.text("mac").priority(10),
            Column.address("srcIp"), Column.integer("srcPort").priority(8), Column.address("dstIp"), Column.integer("dstPort"),
            Column.text("protocol").priority(4), Column.text("direction").priority(7), Column.text("action").priority(2),
            Column.text("nsg").priority(10), Column.text("rule").priority(5), Column.count("tuples").priority(9),
            Column.count("packetsSrcToDst").priority(9), Column.bytes("bytesSrcToDst").priority(2),
            Column.count("packetsDstToSrc").priority(9), Column.bytes("bytesDstToSrc").priority(2)));
    private static final Comparator<Conversation> OPEN_ORDER =
            Comparator.comparingLong(Conversation::firstSeen).thenComparing(c -> c.key);

    private final TableSink writer;
    private final boolean stream;
    private final Map<FlowKey, Conversation> open = new HashMap<>();
    private final List<Conversation> closed = new ArrayList<>();
    private long statelessSkipped;
    private boolean started;

    /** @param stream write conversations as they close; false for a partial that will be merged */
    public ConversationsReporter(TableSink writer, boolean stream) {
        this.writer = writer;
        this.stream = stream;
    }

    @Override
    public List<String> notes() {
        if (statelessSkipped == 0) {
            return List.of();
        }
        return List.of(statelessSkipped + " version-1 tuples left out: version 1 has no flow state to "
                + "stitch into conversations (see them with 'flows' or 'top')");
    }

    /** Version-1 tuples left out: they carry no flow state. */
    public long statelessSkipped() {
        return statelessSkipped;
    }

    @Override
    public void accept(FlowRow row) {
        FlowState state = row.state();
        if (state == null) {
            statelessSkipped++;
            return;
        }
        FlowKey key = FlowKey.of(row);
        if (state == FlowState.DENY || state == FlowState.BEGIN && row.action() == Action.DENY) {
            Conversation denied = new Conversation(key, row, false);
            denied.add(row);
            denied.state = Conversation.State.DENIED;
            close(denied);
            return;
        }
        if (state == FlowState.BEGIN) {
            Conversation begun = new Conversation(key, row, false);
            begun.add(row);
            Conversation superseded = open.put(key, begun);
            if (superseded != null) {
                close(superseded);
            }
            return;
        }
        Conversation c = open.get(key);
        if (c == null) {
            c = new Conversation(key, row, true);
            open.put(key, c);
        }
        c.add(row);
        if (state == FlowState.END) {
            open.remove(key);
            c.state = Conversation.State.COMPLETE;
            close(c);
        }
    }

    private void close(Conversation c) {
        if (stream) {
            write(c);
        } else {
            closed.add(c);
        }
    }

    @Override
    public void finish(ReadStats stats) {
        for (Conversation c : closed) {
            write(c);
        }
        List<Conversation> stillOpen = new ArrayList<>(open.values());
        stillOpen.sort(OPEN_ORDER);
        for (Conversation c : stillOpen) {
            write(c);
        }
        stop();
    }

    /** Closes the table of the conversations written so far; those still open are incomplete and left out. */
    @Override
    public void stop() {
        start();
        writer.endTable();
        writer.finish();
    }

    /** Appends {@code later}, a partial that read the input following this one's. */
    @Override
    public void merge(ConversationsReporter later) {
        for (Conversation c : later.closed) {
            closed.add(joined(c));
        }
        for (Conversation c : later.open.values()) {
            Conversation j = joined(c);
            Conversation superseded = open.put(j.key, j);
            if (superseded != null) {
                closed.add(superseded);
            }
        }
        statelessSkipped += later.statelessSkipped;
    }

    /** {@code later}, or this part's open conversation it continues, with {@code later} appended. */
    private Conversation joined(Conversation later) {
        Conversation earlier = later.startedBefore ? open.remove(later.key) : null;
        if (earlier == null) {
            return later;
        }
        earlier.append(later);
        return earlier;
    }

    private void start() {
        if (!started) {
            started = true;
            writer.startTable(SCHEMA);
        }
    }

    private void write(Conversation c) {
        start();
        FlowRow f = c.first;
        writer.beginRow();
        writer.instant(c.firstSeen());
        writer.instant(c.lastSeen);
        writer.decimal((c.lastSeen - c.firstSeen()) / 1000.0);
        writer.text(c.state.label);
        writer.bool(c.startedBefore);
        writer.text(c.context().mac());
        writer.address(f.srcHi(), f.srcLo());
        writer.integer(f.srcPort());
        writer.address(f.dstHi(), f.dstLo());
        writer.integer(f.dstPort());
        writer.text(Protocol.name(f.protocol()));
        writer.text(f.direction().label());
        writer.text(f.action().label());
        writer.text(c.context().nsg());
        writer.text(c.context().rule());
        writer.integer(c.tuples);
        writer.integer(c.packetsSrcToDst);
        writer.integer(c.bytesSrcToDst);
        writer.integer(c.packetsDstToSrc);
        writer.integer(c.bytesDstToSrc);
        writer.endRow();
    }
}
