package io.nsgflow.cli;

import io.nsgflow.checkpoint.Checkpoint;
import io.nsgflow.checkpoint.CheckpointException;
import io.nsgflow.checkpoint.CheckpointFile;
import io.nsgflow.checkpoint.IncrementalRead;
import io.nsgflow.checkpoint.InputState;
import io.nsgflow.format.TextOut;
import io.nsgflow.result.Column;
import io.nsgflow.result.TableSchema;
import io.nsgflow.result.TableSink;
import io.nsgflow.diag.Diagnostics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Where each input stands: how far it was read (the end of its last complete record), when, and what the "
                    + "next run would read. States: read (nothing new), appended, rewritten (read again from the start "
                    + "next time), new (never read), gone (forgotten at the next run), unknown (a blob URL that cannot be "
                    + "listed now: give its URL with the SAS after FILE, or its credential as for the run), settled (an hour that can no "
                    + "longer change: not looked at, forgotten at the next run).",
            "Two tables: 'checkpoint' (the job it belongs to) and 'inputs'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow checkpoint show web.ckpt",
            "  nsgflow checkpoint show blobs.ckpt 'https://ACCOUNT.blob.core.windows.net/insights-logs-networksecuritygroupflowevent?SAS'",
            "  nsgflow checkpoint show -f ndjson web.ckpt | jq -c 'select(.table == \"inputs\" and .unread > 0)'"
        })
final class CheckpointShowCommand implements Callable<Integer> {
    private static final TableSchema JOB = new TableSchema("checkpoint", List.of(Column.text("command"),
            Column.text("inputs"), Column.instant("saved"), Column.count("openConnections"), Column.count("orphanedConnections"),
            Column.count("connectionsDropped")),
            TableSchema.Kind.RECORD);
    private static final TableSchema INPUTS = TableSchema.rows("inputs", List.of(Column.text("input"), Column.text("hour"),
            Column.text("state"), Column.bytes("size"), Column.integer("readTo"), Column.bytes("unread"),
            Column.count("records"), Column.instant("readAt")));

    @ParentCommand
    CheckpointCommand parent;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE", description = "A checkpoint file.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "INPUT",
            description = "The job's inputs as given to it, when a blob URL needs its SAS to be listed (the checkpoint keeps "
                    + "URLs without their query); they must be the checkpoint's own inputs.")
    List<String> inputs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Checkpoint c = new CheckpointFile(file).read();
        if (c == null) {
            throw new CheckpointException(file + ": no such checkpoint file");
        }
        if (!inputs.isEmpty() && !c.arguments().equals(IncrementalRead.arguments(inputs))) {
            throw new CheckpointException(file + ": checkpoint is for " + c.arguments() + ", not for "
                    + IncrementalRead.arguments(inputs));
        }
        Terminal terminal = parent.root.terminal();
        TableSink w = output.sink(new TextOut(terminal.out(), terminal.outIsTerminal()), terminal, List.of(JOB, INPUTS), 0, spec);
        w.startTable(JOB);
        w.beginRow();
        w.text(c.command());
        w.text(String.join(" ", c.arguments()));
        w.instant(c.savedAt().toEpochMilli());
        w.integer(c.connections().count());
        w.integer(c.connections().orphanCount());
        w.integer(c.connections().dropped());
        w.endRow();
        w.endTable();
        w.startTable(INPUTS);
        Diagnostics diagnostics = new Diagnostics(terminal.err(), false);
        for (InputState s : InputState.of(c, inputs, Clock.systemUTC(), (path, reason) ->
                diagnostics.forInput(path).warning("list", "cannot be listed now (" + reason + "); its blobs are shown as unknown"))) {
            w.beginRow();
            w.text(s.id());
            w.text(s.hour());
            w.text(s.state());
            integer(w, s.size());
            w.integer(s.readTo());
            integer(w, s.unread());
            w.integer(s.records());
            if (s.readAt() == null) {
                w.nul();
            } else {
                w.instant(s.readAt().toEpochMilli());
            }
            w.endRow();
        }
        w.endTable();
        w.finish();
        return ExitCode.OK;
    }

    private static void integer(TableSink w, Long value) {
        if (value == null) {
            w.nul();
        } else {
            w.integer(value);
        }
    }
}
