package io.nsgflow.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one place that decides what kind of input an argument names: {@code -} is standard input,
 * anything else a path on the local file system; standard input is read when no argument is
 * given. Across arguments, the user's order is kept. A new kind of input (a URL scheme) is one
 * more case here and one class that implements {@link Input}.
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * @param args       what the user typed, in order
     * @param stdin      the stream {@code -} reads
     * @param unreadable told of each argument or found path that cannot be read, with the reason
     */
    public static List<Input> resolve(List<String> args, InputStream stdin, BiConsumer<String, String> unreadable) {
        if (args.isEmpty()) {
            return List.of(new StdinInput(stdin));
        }
        List<Input> inputs = new ArrayList<>();
        for (String arg : args) {
            if ("-".equals(arg)) {
                inputs.add(new StdinInput(stdin));
            } else {
                inputs.addAll(FileInputs.resolve(arg, unreadable));
            }
        }
        return inputs;
    }
}
