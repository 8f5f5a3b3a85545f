package io.nsgflow.cli;

import java.io.InputStream;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "nsgflow",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Reads Azure NSG and VNet flow logs (PT1H.json blobs) and answers questions about them.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow summary PT1H.json",
            "  nsgflow top --by src --metric bytes logs/",
            "  nsgflow flows --action deny -f ndjson ~/flowlogs/ | jq -c '{srcIp, dstPort, rule}'",
            "  nsgflow report logs/ -o report.html",
            "  azcopy cp 'https://ACCOUNT.blob.core.windows.net/insights-logs-networksecuritygroupflowevent' . --recursive",
            "  nsgflow flows insights-logs-networksecuritygroupflowevent/ --since 2024-05-14T09:00Z"
        })
public final class NsgflowCommand implements Runnable {
    /**
     * The commands, in the order help lists them. An explicit registry rather than the annotation's
     * list, so that only the command named on the command line is built: picocli builds each one's
     * model by reflection, which is most of nsgflow's start-up.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("flows", FlowsCommand::new);
        COMMANDS.put("summary", SummaryCommand::new);
        COMMANDS.put("top", TopCommand::new);
        COMMANDS.put("rules", RulesCommand::new);
        COMMANDS.put("timeline", TimelineCommand::new);
        COMMANDS.put("conversations", ConversationsCommand::new);
        COMMANDS.put("scans", ScansCommand::new);
        COMMANDS.put("follow", FollowCommand::new);
        COMMANDS.put("checkpoint", CheckpointCommand::new);
        COMMANDS.put("report", HtmlReportCommand::new);
        COMMANDS.put("completion", CompletionCommand::new);
        COMMANDS.put("help", HelpCommand::new);
    }

    @Spec
    CommandSpec spec;

    private final Terminal terminal;
    /** Null when inputs are read here, as they are by the CLI. */
    private final DistributedRead distributedRead;
    private boolean debug;

    public NsgflowCommand(Terminal terminal) {
        this(terminal, null);
    }

    /** The commands with their inputs read by {@code distributedRead} (the Spark runner). */
    public NsgflowCommand(Terminal terminal, DistributedRead distributedRead) {
        this.terminal = terminal;
        this.distributedRead = distributedRead;
    }

    /**
     * For a worker of a {@link DistributedRead}: the filter and the answer that the command line
     * {@code args} asks for, made as the command makes them (enrichment files loaded, options
     * converted), reading nothing and writing nothing.
     *
     * @throws IllegalArgumentException when {@code args} name no command that reads flow logs
     */
    public static WorkerPlan plan(String... args) {
        Writer nowhere = Writer.nullWriter();
        NsgflowCommand root = new NsgflowCommand(new Terminal(nowhere, nowhere, InputStream.nullInputStream(), false));
        CommandLine.ParseResult parsed = root.commandLine(args).parseArgs(args);
        Object command = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().userObject() : null;
        if (!(command instanceof ReportCommand report)) {
            throw new IllegalArgumentException("no command that reads flow logs in " + String.join(" ", args));
        }
        return report.plan();
    }

    /** Whether stdout is a terminal, whatever stdin is. */
    public static boolean stdoutIsTerminal() {
        return Tty.stdoutIsTerminal();
    }

    /** Whether stdin is a terminal, whatever stdout is. */
    public static boolean stdinIsTerminal() {
        return Tty.stdinIsTerminal();
    }

    /** Whether stderr is a terminal, where a progress line may be drawn. */
    public static boolean stderrIsTerminal() {
        return Tty.stderrIsTerminal();
    }

    /** The width tables fit into: {@code $COLUMNS}, else the terminal's; 0 (no limit) when not a terminal. */
    public static int tableWidth(String columnsVariable, boolean outIsTerminal) {
        return Tty.width(columnsVariable, outIsTerminal);
    }

    Terminal terminal() {
        return terminal;
    }

    DistributedRead distributedRead() {
        return distributedRead;
    }

    void debug(boolean on) {
        debug = on;
    }

    /** Whether the command asked for stack traces. */
    public boolean debug() {
        return debug;
    }

    /**
     * The command line for {@code args}: with only the command they name, none for {@code --version}
     * alone, or every command when they name none (root help, errors, the man pages) or ask for
     * {@code help} or {@code completion}, which describe them all.
     */
    public CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(this);
        String named = args.length > 0 ? args[0] : "";
        if (args.length == 1 && (named.equals("--version") || named.equals("-V"))) {
            return cli; // building every command's model would be most of its time
        }
        boolean one = COMMANDS.containsKey(named) && !named.equals("help") && !named.equals("completion");
        COMMANDS.forEach((name, command) -> {
            if (!one || name.equals(named)) {
                cli.addSubcommand(name, command.get());
            }
        });
        return cli;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see nsgflow --help)");
    }
}
