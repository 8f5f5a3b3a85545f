package io.nsgflow.dist;

import io.nsgflow.Main;
import io.nsgflow.cli.NsgflowCommand;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes what the release archive carries besides the jar, from the same picocli model as
 * {@code --help}, so that neither can disagree with it: one AsciiDoc man page per command (picocli's
 * own {@link ManPageGenerator}; Asciidoctor makes the troff pages of them in the build), and the
 * completion script exactly as {@code nsgflow completion bash} prints it.
 *
 * <p>Arguments: the folder for the AsciiDoc pages, the file for the completion script.
 */
public final class GenerateDocs {
    private GenerateDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path pages = Path.of(args[0]);
        Path completion = Path.of(args[1]);
        Files.createDirectories(pages);
        Files.createDirectories(completion.getParent());

        CommandLine all = new NsgflowCommand(terminal(new StringWriter(), new StringWriter())).commandLine();
        Main.addExitCodes(all);
        manHeadings(all);
        int status = ManPageGenerator.generateManPage(pages.toFile(), (File) null, new boolean[0], false, all.getCommandSpec());
        if (status != 0) {
            throw new IllegalStateException("the man page generator failed with status " + status);
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(terminal(out, err), "completion", "bash");
        if (exit != 0) {
            throw new IllegalStateException("nsgflow completion bash failed (" + exit + "): " + err);
        }
        Files.writeString(completion, out.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Headings as a man page spells them: {@code --help} ends its section headings in a colon and
     * blank lines, which the generator would copy into the page's section titles ("EXAMPLES:").
     */
    private static void manHeadings(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        usage.exitCodeListHeading("Exit codes").footerHeading("Examples");
        cli.getSubcommands().values().forEach(GenerateDocs::manHeadings);
    }

    private static Terminal terminal(StringWriter out, StringWriter err) {
        return new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false);
    }
}
