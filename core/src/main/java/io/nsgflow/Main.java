package io.nsgflow;

import io.nsgflow.checkpoint.CheckpointException;
import io.nsgflow.cli.DistributedRead;
import io.nsgflow.cli.ExitCode;
import io.nsgflow.cli.NsgflowCommand;
import io.nsgflow.cli.Terminal;
import io.nsgflow.cli.UsageMessage;
import io.nsgflow.cli.WriteFailures;
import io.nsgflow.diag.BestEffortWriter;
import io.nsgflow.diag.Redaction;
import io.nsgflow.diag.StrictStop;
import io.nsgflow.format.ByteStreamWriter;
import io.nsgflow.format.OutputException;
import io.nsgflow.report.CounterSum;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The command-line entry point. {@link #run} does everything and returns the exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Writer out = new ByteStreamWriter(new FileOutputStream(FileDescriptor.out)); // rows go to it as bytes (TextOut)
        Writer err = new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8);
        boolean outIsTerminal = NsgflowCommand.stdoutIsTerminal();
        System.exit(run(new Terminal(out, err, System.in, outIsTerminal,
                () -> NsgflowCommand.tableWidth(System.getenv("COLUMNS"), outIsTerminal), NsgflowCommand.stdinIsTerminal(),
                NsgflowCommand.stderrIsTerminal()), args));
    }

    /** Runs one command line against the given streams; the whole CLI, testable in-process. */
    public static int run(Terminal terminal, String... args) {
        return run(terminal, null, args);
    }

    /**
     * Runs one command line with its inputs read by {@code distributedRead} (the Spark runner), or
     * here when it is null.
     */
    public static int run(Terminal given, DistributedRead distributedRead, String... args) {
        Terminal terminal = new Terminal(given.out(), new BestEffortWriter(given.err()), given.in(), given.outIsTerminal(),
                given.width(), given.inIsTerminal(), given.errIsTerminal());
        NsgflowCommand root = new NsgflowCommand(terminal, distributedRead);
        CommandLine cli = root.commandLine(args);
        PrintWriter err = new PrintWriter(terminal.err(), true);
        WriteFailures helpOut = new WriteFailures(terminal.out());
        PrintWriter out = new PrintWriter(helpOut, true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setUsageHelpAutoWidth(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("nsgflow: " + UsageMessage.of(e));
            CommandLine failed = e.getCommandLine();
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> failure(e, root.debug(), err));
        addExitCodes(cli);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) { // picocli's handler is for Exceptions: an Error reaches here
            HeapExhausted.release();
            return outOfMemory(-1, err);
        } catch (Error e) { // a StackOverflowError...: still one line, as for any internal error
            return failure(e, root.debug(), err);
        }
        // picocli flushes its help and version text itself; a command's data goes through its own writer and says its own failure
        return helpOut.failure() == null || code != ExitCode.OK ? code : failure(new OutputException(helpOut.failure()), root.debug(), err);
    }

    private static int outOfMemory(long keys, PrintWriter err) {
        err.println("nsgflow: " + HeapExhausted.message(keys));
        err.flush();
        return ExitCode.OUT_OF_MEMORY;
    }

    private static int failure(Throwable e, boolean debug, PrintWriter err) {
        if (e instanceof OutputException out) {
            if (out.isBrokenPipe()) {
                return ExitCode.OK; // the reader has all it wanted, as with | head
            }
            err.println("nsgflow: cannot write output: " + out.getMessage());
            return ExitCode.OUTPUT_FAILED;
        }
        if (e instanceof HeapExhausted full) {
            return outOfMemory(full.keys(), err);
        }
        if (e instanceof CheckpointException bad) {
            err.println("nsgflow: " + bad.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof CounterSum.Overflow overflow) {
            err.println("nsgflow: " + overflow.getMessage());
            return ExitCode.SKIPPED;
        }
        if (e instanceof StrictStop) {
            err.println("nsgflow: stopped at the first problem (--strict)");
            return ExitCode.SKIPPED;
        }
        err.println(Redaction.redact("nsgflow: internal error: " + e + (debug ? "" : " (run with --debug for details)")));
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(Redaction.redact(trace.toString()));
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR;
    }

    /** Lists the exit codes in the help of the root command and of each subcommand (and so in the man pages). */
    public static void addExitCodes(CommandLine cli) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + ExitCode.OK, "All input was read.");
        codes.put(" " + ExitCode.SKIPPED, "Finished, but part of the input was skipped (see stderr).");
        codes.put(" " + ExitCode.USAGE, "Usage error; nothing was read.");
        codes.put(" " + ExitCode.NOTHING_READ, "Nothing could be read: no flow-log record in any input.");
        codes.put(" " + ExitCode.OUTPUT_FAILED, "The output could not be written.");
        codes.put(" " + ExitCode.OUT_OF_MEMORY, "Out of memory: the answer holds more distinct keys than the Java heap (see stderr).");
        codes.put(ExitCode.INTERNAL_ERROR + "", "Internal error (a bug: please report it with --debug output).");
        for (CommandLine c : cli.getSubcommands().values()) {
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        }
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    }
}
