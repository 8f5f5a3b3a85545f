package io.nsgflow.format.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a test needs from the DOM Chromium dumped after the report's scripts ran: the
 * attributes of elements with a given marker, and the cells of the page's tables. The DOM is
 * Chromium's own serialisation (attributes double-quoted, entities for {@code & < > "}), so
 * patterns are enough; no HTML parser is brought in for it.
 */
final class PageDom {
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");
    private static final Pattern TD = Pattern.compile("<td([^>]*)>");
    private static final Pattern TR = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);

    private final String dom;

    PageDom(String dom) {
        this.dom = dom;
    }

    String html() {
        return dom;
    }

    /** The attributes of every start tag that has {@code attribute}, in document order. */
    List<Map<String, String>> elementsWith(String attribute) {
        List<Map<String, String>> found = new ArrayList<>();
        Matcher tag = Pattern.compile("<[a-z0-9]+\\s[^>]*\\b" + Pattern.quote(attribute) + "=\"[^\"]*\"[^>]*>").matcher(dom);
        while (tag.find()) {
            found.add(attributes(tag.group()));
        }
        return found;
    }

    /** The body rows of {@code <table id="table-NAME">}, each cell's data-value (or null) by its data-column. */
    List<Map<String, String>> tableRows(String name) {
        int start = dom.indexOf("id=\"table-" + name + "\"");
        if (start < 0) {
            throw new AssertionError("no table-" + name + " in the page");
        }
        int body = dom.indexOf("<tbody>", start);
        String rows = dom.substring(body, dom.indexOf("</tbody>", body));
        List<Map<String, String>> result = new ArrayList<>();
        Matcher tr = TR.matcher(rows);
        while (tr.find()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Matcher td = TD.matcher(tr.group(1));
            while (td.find()) {
                Map<String, String> a = attributes(td.group(1));
                cells.put(a.get("data-column"), a.get("data-value"));
            }
            result.add(cells);
        }
        return result;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> a = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            a.put(m.group(1), unescape(m.group(2)));
        }
        return a;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }
}
