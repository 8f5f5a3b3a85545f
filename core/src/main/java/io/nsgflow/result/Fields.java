package io.nsgflow.result;

import java.util.ArrayList;
import java.util.List;

/** The comma lists that {@code --fields} and {@code --sort} take, split the same way with the same errors. */
public final class Fields {
    /** {@code --fields all}: every column, hidden ones included. */
    public static final String ALL = "all";

    private Fields() {
    }

    /**
     * The trimmed, non-empty items of a comma list, each once: a column named twice would be a
     * JSON object with a duplicate key, so it is refused rather than quietly dropped.
     *
     * @throws IllegalArgumentException when an item is empty or repeats one before it (in any case)
     */
    public static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String name = item.trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has an empty field name (a list is name,name,...)");
            }
            if (items.stream().anyMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException("'" + text + "' names '" + name + "' twice");
            }
            items.add(name);
        }
        return items;
    }
}
