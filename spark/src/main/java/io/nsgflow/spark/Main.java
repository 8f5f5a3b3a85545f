package io.nsgflow.spark;

import io.nsgflow.cli.ExitCode;
import io.nsgflow.cli.NsgflowCommand;
import io.nsgflow.cli.Terminal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The spark-submit runner: {@code spark-submit --class io.nsgflow.spark.Main nsgflow-spark.jar top
 * --by src PATHS}. The command line is the CLI's (its options, checks, output formats, {@code -o},
 * exit codes); only the reading runs on Spark ({@link SparkRead}). The answer is on stdout or in
 * the {@code -o} file, problems on stderr as the CLI words them, beside Spark's own log.
 */
public final class Main {
    /** The commands whose answer merges from partials: the ones that run on Spark. */
    static final List<String> COMMANDS = List.of("summary", "top", "rules", "timeline");

    private Main() {
    }

    public static void main(String[] args) {
        Writer out = new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
        Writer err = new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8);
        Terminal terminal = new Terminal(out, err, InputStream.nullInputStream(), NsgflowCommand.stdoutIsTerminal(),
                () -> NsgflowCommand.tableWidth(System.getenv("COLUMNS"), NsgflowCommand.stdoutIsTerminal()));
        SparkSession[] started = new SparkSession[1];
        int code;
        try {
            code = run(() -> {
                started[0] = SparkSession.builder().appName("nsgflow " + args[0]).getOrCreate();
                return started[0];
            }, terminal, args);
        } finally {
            if (started[0] != null) {
                started[0].stop();
            }
        }
        System.exit(code);
    }

    /**
     * Runs one command line on the session {@code session} gives (asked only once the command line
     * is good); returns the exit code.
     */
    public static int run(Supplier<SparkSession> session, Terminal terminal, String... args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            write(help ? terminal.out() : terminal.err(), (help ? "" : "nsgflow: "
                    + (args.length == 0 ? "a command is required" : "'" + args[0] + "' does not run on Spark") + "\n")
                    + "Usage: spark-submit --class io.nsgflow.spark.Main nsgflow-spark.jar COMMAND [OPTIONS] PATH...\n"
                    + "Commands: " + String.join(", ", COMMANDS) + ", with the options of 'nsgflow COMMAND --help'.\n"
                    + "PATH: files, folders or globs on any file system Spark reads (abfss://, wasbs://, dbfs:/, local).\n"
                    + "Rows for SQL: spark.read.format(\"nsgflow\").load(PATH).\n");
            return help ? ExitCode.OK : ExitCode.USAGE;
        }
        return io.nsgflow.Main.run(terminal, new SparkRead(session, args), args);
    }

    private static void write(Writer to, String text) {
        try {
            to.write(text);
            to.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
