package io.nsgflow.source;

import io.nsgflow.source.azure.BlobInputs;
import io.nsgflow.source.azure.BlobUrl;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one place that decides what kind of input an argument names: {@code -} is standard input,
 * an {@code http(s)} URL a blob, prefix or container of a storage account, anything else a path
 * on the local file system; standard input is read when no argument is given. Across arguments,
 * the user's order is kept. A new kind of input (a URL scheme) is one more case here and one
 * class that implements {@link Input}. The storage SDK is loaded only when a URL is given. A file
 * reached twice (named twice, through a link, inside a folder also named) is read once.
 */
public final class Inputs {
    private Inputs() {
    }

    /** {@link #resolve(List, InputStream, InputScope, BiConsumer, BiConsumer)} for everything, credentials from the environment, repeats quietly. */
    public static List<Input> resolve(List<String> args, InputStream stdin, BiConsumer<String, String> unreadable) {
        return resolve(args, stdin, InputScope.everything(), unreadable, (again, first) -> { });
    }

    /**
     * @param args       what the user typed, in order
     * @param stdin      the stream {@code -} reads
     * @param scope      what the filters want, so that a storage account is listed only where it matters, and its credentials
     * @param unreadable told of each argument or found path that cannot be read, with the reason
     * @param repeated   told of each file left out because it was already named ({@link SameFiles}), with the name read instead
     */
    public static List<Input> resolve(List<String> args, InputStream stdin, InputScope scope, BiConsumer<String, String> unreadable,
            BiConsumer<String, String> repeated) {
        if (args.isEmpty()) {
            return List.of(new StdinInput(stdin));
        }
        List<Input> inputs = new ArrayList<>();
        BlobInputs blobs = null;
        for (String arg : args) {
            if ("-".equals(arg)) {
                inputs.add(new StdinInput(stdin));
            } else if (BlobUrl.isUrl(arg)) {
                blobs = blobs != null ? blobs : new BlobInputs(scope);
                inputs.addAll(blobs.resolve(arg, unreadable));
            } else {
                inputs.addAll(FileInputs.resolve(arg, scope.walkSince(), unreadable));
            }
        }
        return SameFiles.distinct(inputs, repeated);
    }
}
