package io.nsgflow.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a usage error says: picocli's message, except for a word nsgflow does not know, which is
 * named as an unknown command or option with the closest known one, as git and cargo do
 * ("did you mean 'flows'?"), instead of "Unmatched arguments from index 0".
 */
public final class UsageMessage {
    private UsageMessage() {
    }

    public static String of(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String word = unmatched.getUnmatched().get(0);
        boolean option = word.startsWith("-") && !word.equals("-");
        List<String> suggestions = unmatched.getSuggestions();
        String text = "unknown " + (option ? "option" : "command") + " '" + word + "'";
        if (!suggestions.isEmpty()) {
            return text + " (did you mean '" + suggestions.get(0) + "'?)";
        }
        CommandLine at = e.getCommandLine();
        if (!option && at.getSubcommands().size() > 0) {
            return text + " (commands: " + String.join(", ",
                    at.getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList()) + ")";
        }
        return text;
    }
}
