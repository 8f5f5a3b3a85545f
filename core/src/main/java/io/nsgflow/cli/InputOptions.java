package io.nsgflow.cli;

import io.nsgflow.checkpoint.IncrementalRead;
import io.nsgflow.diag.Diagnostics;
import java.nio.file.Path;
import java.time.Clock;
import io.nsgflow.source.Auth;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where the input comes from and how strictly it is read. */
public final class InputOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "PT1H.json blobs (plain or gzip), folders of them (walked recursively, as azcopy lays a "
                    + "container out), blob URLs (a container, a prefix in it or one blob: "
                    + "https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX][?SAS]), "
                    + "or - for standard input, which is also read when no PATH is given.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Read only what is new since the last run with this FILE, and remember how far each input "
                    + "was read (saved once the output is complete). One FILE per job; see 'nsgflow checkpoint show'.")
    Path checkpoint;

    @Option(names = "--strict", description = "Stop at the first problem in the input (exit 1) instead of skipping it.")
    boolean strict;

    @Option(names = "--auth", paramLabel = "FORM", converter = Converters.AuthConverter.class,
            description = "Credential for blob URLs: auto (default: a SAS in the URL, AZURE_STORAGE_CONNECTION_STRING, "
                    + "AZURE_STORAGE_KEY, AZURE_STORAGE_SAS_TOKEN, then Microsoft Entra ID), sas, connection-string, "
                    + "key, entra or anonymous.")
    Auth auth = Auth.AUTO;

    @Option(names = {"-q", "--quiet"}, description = "No progress line, no warnings, no notes: only problems"
            + " (what changes the exit code) are said on stderr.")
    boolean quiet;

    /** Where this command's diagnostics go, as --strict and --quiet say. */
    Diagnostics diagnostics(java.io.Writer err) {
        Diagnostics d = new Diagnostics(err, strict);
        d.quiet(quiet);
        return d;
    }

    @Option(names = "--debug", description = "Show stack traces of internal errors and the storage SDK's requests (secrets masked).")
    boolean debug;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.ThreadsConverter.class,
            description = "Inputs read at once (default: the number of cores); one big plain file, read alone, is cut into a byte "
                    + "range per thread. Output is the same whatever N; flows, conversations and --strict read one input at a "
                    + "time (flows writes its rows on a second thread).")
    int threads = Runtime.getRuntime().availableProcessors();

    /**
     * The run against {@code --checkpoint}, or null without one.
     *
     * @throws io.nsgflow.checkpoint.CheckpointException when the checkpoint cannot be used: a usage error
     */
    IncrementalRead incremental(String command, Diagnostics diagnostics) {
        return checkpoint == null ? null : IncrementalRead.open(checkpoint, command, paths, Clock.systemUTC(),
                (name, reason) -> diagnostics.forInput(name).warning("checkpoint", reason));
    }
}
