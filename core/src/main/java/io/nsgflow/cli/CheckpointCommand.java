package io.nsgflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "checkpoint",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Looks at a checkpoint file written by --checkpoint.",
        subcommands = CheckpointShowCommand.class,
        footerHeading = "%nExamples:%n",
        footer = "  nsgflow checkpoint show ~/.nsgflow/denied.ckpt")
final class CheckpointCommand implements Runnable {
    @ParentCommand
    NsgflowCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required (see nsgflow checkpoint --help)");
    }
}
