package io.nsgflow.report;

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
 * connection, one row per flow as {@link FlowIdentity} counts them. A {@code B} opens a
 * conversation (a second {@code B} for an open one starts a new one), {@code C} and {@code E} add
 * their counters, {@code E} completes it. The {@code C} and {@code E} tuples of a key that come
 * while nothing of it is open (the connection began before the input) all make one conversation
 * per key, marked as begun before the input. Denials are one-tuple conversations.
 *
 * <p>Version-1 tuples have no state to stitch: they are left out and counted
 * ({@link #statelessSkipped()}).
 *
 * <p>Each conversation begun in the input is written as it closes; those still open, and those
 * begun before the input (a later tuple of their key may still join them: about 250 bytes each
 * until the end), are written at the end, by first seen, then key. Rows stream, so inputs are
 * read in order: a conversations answer is never assembled from partials.
 */
public final class ConversationsReporter implements Reporter {
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
    private static final Comparator<Conversation> HELD_ORDER = Comparator.comparingLong(Conversation::firstSeen)
            .thenComparing(c -> c.key).thenComparing(c -> !c.startedBefore);

    private final TableSink writer;
    /** Conversations begun by a {@code B} and not closed yet. */
    private final Map<FlowKey, Conversation> open = new HashMap<>();
    /** Per key, the conversation of the tuples that came while nothing of it was open. */
    private final Map<FlowKey, Conversation> begunBefore = new HashMap<>();

    @Override
    public long keysHeld() {
        return open.size() + begunBefore.size();
    }
    private long statelessSkipped;
    private boolean started;

    public ConversationsReporter(TableSink writer) {
        this.writer = writer;
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
        if (row.isRepeat()) {
            return;
        }
        FlowState state = row.state();
        if (state == null) {
            statelessSkipped++;
            return;
        }
        FlowKey key = FlowKey.of(row);
        if (row.isWholeFlow()) {
            Conversation denied = new Conversation(key, row, false);
            denied.add(row);
            denied.state = Conversation.State.DENIED;
            write(denied);
            return;
        }
        if (state == FlowState.BEGIN) {
            Conversation begun = new Conversation(key, row, false);
            begun.add(row);
            Conversation superseded = open.put(key, begun);
            if (superseded != null) {
                write(superseded);
            }
            return;
        }
        Conversation c = state == FlowState.END ? open.remove(key) : open.get(key);
        if (c == null) {
            c = begunBefore.computeIfAbsent(key, k -> new Conversation(k, row, true));
            c.state = state == FlowState.END ? Conversation.State.COMPLETE : Conversation.State.OPEN;
            c.add(row);
            return;
        }
        c.add(row);
        if (state == FlowState.END) {
            c.state = Conversation.State.COMPLETE;
            write(c);
        }
    }

    @Override
    public void finish(ReadStats stats) {
        List<Conversation> held = new ArrayList<>(open.values());
        held.addAll(begunBefore.values());
        held.sort(HELD_ORDER);
        for (Conversation c : held) {
            write(c);
        }
        stop();
    }

    /** Closes the table of the conversations written so far; those still held may be incomplete and are left out. */
    @Override
    public void stop() {
        start();
        writer.endTable();
        writer.finish();
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
        writer.integer(c.traffic.packetsSrcToDst);
        writer.integer(c.traffic.bytesSrcToDst);
        writer.integer(c.traffic.packetsDstToSrc);
        writer.integer(c.traffic.bytesDstToSrc);
        writer.endRow();
    }
}
