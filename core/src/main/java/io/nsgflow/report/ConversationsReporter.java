package io.nsgflow.report;

import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.Protocol;
import io.nsgflow.model.ReadStats;
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
    static final List<Column> COLUMNS = List.of(Column.text("firstSeen"), Column.text("lastSeen"),
            Column.decimal("seconds"), Column.text("state"), Column.text("startedBefore"), Column.text("mac"),
            Column.text("srcIp"), Column.integer("srcPort"), Column.text("dstIp"), Column.integer("dstPort"),
            Column.text("protocol"), Column.text("direction"), Column.text("action"), Column.text("nsg"),
            Column.text("rule"), Column.integer("tuples"), Column.integer("packetsSrcToDst"),
            Column.integer("bytesSrcToDst"), Column.integer("packetsDstToSrc"), Column.integer("bytesDstToSrc"));
    private static final Comparator<Conversation> HELD_ORDER = Comparator.comparingLong(Conversation::firstSeen)
            .thenComparing(c -> c.key).thenComparing(c -> !c.startedBefore);

    private final TableWriter writer;
    /** Conversations begun by a {@code B} and not closed yet. */
    private final Map<FlowKey, Conversation> open = new HashMap<>();
    /** Per key, the conversation of the tuples that came while nothing of it was open. */
    private final Map<FlowKey, Conversation> begunBefore = new HashMap<>();
    private final CellText text = new CellText();
    private long statelessSkipped;
    private boolean started;

    public ConversationsReporter(TableWriter writer) {
        this.writer = writer;
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
            writer.startTable(TABLE, COLUMNS);
        }
    }

    private void write(Conversation c) {
        start();
        FlowRow f = c.first;
        writer.beginRow();
        writer.text(text.time(c.firstSeen()));
        writer.text(text.time(c.lastSeen));
        writer.decimal((c.lastSeen - c.firstSeen()) / 1000.0);
        writer.text(c.state.label);
        writer.text(c.startedBefore ? "yes" : "no");
        writer.text(c.context().mac());
        writer.text(text.ip(f.srcHi(), f.srcLo()));
        writer.integer(f.srcPort());
        writer.text(text.ip(f.dstHi(), f.dstLo()));
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
