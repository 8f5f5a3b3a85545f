package io.nsgflow.cli;

import io.nsgflow.checkpoint.Checkpoint;
import io.nsgflow.checkpoint.CheckpointException;
import io.nsgflow.checkpoint.CheckpointFile;
import io.nsgflow.checkpoint.InputState;
import io.nsgflow.format.Column;
import io.nsgflow.format.TableWriter;
import io.nsgflow.format.TextOut;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Where each input stands: how far it was read (the end of its last complete record), when, and what the "
                    + "next run would read. States: read (nothing new), appended, rewritten (read again from the start "
                    + "next time), new (never read), gone (forgotten at the next run).",
            "Two tables: 'checkpoint' (the job it belongs to) and 'inputs'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow checkpoint show web.ckpt",
            "  nsgflow checkpoint show -f ndjson web.ckpt | jq -c 'select(.table == \"inputs\" and .unread > 0)'"
        })
final class CheckpointShowCommand implements Callable<Integer> {
    private static final List<Column> JOB = List.of(Column.text("item"), Column.text("value"));
    private static final List<Column> INPUTS = List.of(Column.text("input"), Column.text("hour"), Column.text("state"),
            Column.integer("size"), Column.integer("readTo"), Column.integer("unread"), Column.integer("records"),
            Column.text("readAt"));

    @ParentCommand
    CheckpointCommand parent;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "FILE", description = "A checkpoint file.")
    Path file;

    @Override
    public Integer call() {
        Checkpoint c = new CheckpointFile(file).read();
        if (c == null) {
            throw new CheckpointException(file + ": no such checkpoint file");
        }
        Terminal terminal = parent.root.terminal();
        TableWriter w = output.format.writer(new TextOut(terminal.out(), terminal.outIsTerminal()), !output.noHeader, true);
        w.startTable("checkpoint", JOB);
        item(w, "command", c.command());
        item(w, "inputs", String.join(" ", c.arguments()));
        item(w, "saved", c.savedAt().toString());
        item(w, "open connections", Integer.toString(c.connections().count()));
        item(w, "connections dropped", Long.toString(c.connections().dropped()));
        w.endTable();
        w.startTable("inputs", INPUTS);
        for (InputState s : InputState.of(c)) {
            w.beginRow();
            w.text(s.id());
            w.text(s.hour());
            w.text(s.state());
            integer(w, s.size());
            w.integer(s.readTo());
            integer(w, s.unread());
            w.integer(s.records());
            w.text(s.readAt() == null ? null : s.readAt().toString());
            w.endRow();
        }
        w.endTable();
        w.finish();
        return ExitCode.OK;
    }

    private static void item(TableWriter w, String item, String value) {
        w.beginRow();
        w.text(item);
        w.text(value);
        w.endRow();
    }

    private static void integer(TableWriter w, Long value) {
        if (value == null) {
            w.nul();
        } else {
            w.integer(value);
        }
    }
}
