package io.nsgflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "nsgflow",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Reads Azure NSG and VNet flow logs (PT1H.json blobs) and answers questions about them.",
        subcommands = {FlowsCommand.class, SummaryCommand.class, TopCommand.class, RulesCommand.class,
            TimelineCommand.class, ConversationsCommand.class, picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  nsgflow summary PT1H.json",
            "  nsgflow top --by src --metric bytes logs/",
            "  nsgflow flows --action deny -f ndjson ~/flowlogs/ | jq -c '{srcIp, dstPort, rule}'",
            "  azcopy cp 'https://ACCOUNT.blob.core.windows.net/insights-logs-networksecuritygroupflowevent' . --recursive",
            "  nsgflow flows insights-logs-networksecuritygroupflowevent/ --since 2024-05-14T09:00Z"
        })
public final class NsgflowCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final Terminal terminal;
    private boolean debug;

    public NsgflowCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    Terminal terminal() {
        return terminal;
    }

    void debug(boolean on) {
        debug = on;
    }

    /** Whether the command asked for stack traces. */
    public boolean debug() {
        return debug;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see nsgflow --help)");
    }
}
