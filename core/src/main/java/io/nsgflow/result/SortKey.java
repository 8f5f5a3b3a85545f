package io.nsgflow.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code --sort} key: a column and a direction. Without a direction, quantities (counts,
 * bytes, shares) sort largest first and everything else (times, addresses, names) ascending,
 * which is what each is usually sorted for.
 *
 * @param descending null when not given: the column's type decides
 */
public record SortKey(String column, Boolean descending) {
    /** Parses {@code FIELD[:asc|:desc][,FIELD...]}. @throws IllegalArgumentException for an empty name or unknown direction */
    public static List<SortKey> parseList(String text) {
        List<SortKey> keys = new ArrayList<>();
        for (String part : Fields.split(text)) {
            int colon = part.indexOf(':');
            String name = colon < 0 ? part : part.substring(0, colon).trim();
            Boolean descending = null;
            if (colon >= 0) {
                String dir = part.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                descending = switch (dir) {
                    case "desc" -> true;
                    case "asc" -> false;
                    default -> throw new IllegalArgumentException("'" + part + "': the direction after ':' is asc or desc");
                };
            }
            keys.add(new SortKey(name, descending));
        }
        return keys;
    }

    boolean descendingFor(Column c) {
        return descending != null ? descending : c.measure() != Measure.NONE;
    }
}
