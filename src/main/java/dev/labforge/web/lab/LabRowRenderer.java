package dev.labforge.web.lab;

import dev.labforge.lab.LabList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.util.HtmlUtils;

/**
 * The rows of a labs table as HTML, written here rather than by the template: at 500 labs, Thymeleaf's dozen
 * expressions a row were most of the page's time and allocation (docs/benchmarks.md, "Web pages"). Every string a user
 * controls (a lab's name and description, an owner's name) and the state are HTML-escaped, in text and attributes
 * alike; ids are UUIDs and the rest numbers or fixed words.
 */
final class LabRowRenderer {

    /** The state a lab has when nothing runs it (no status yet). */
    static final String DEFINED = "DEFINED";

    private LabRowRenderer() {
    }

    /** The {@code <tr>} elements of {@code rows}, each with its state from {@code states} (DEFINED if none). */
    static String rows(List<LabList.Row> rows, Map<UUID, String> states) {
        StringBuilder html = new StringBuilder(rows.size() * 480);
        for (LabList.Row row : rows) {
            row(html, row, states.getOrDefault(row.id(), DEFINED));
        }
        return html.toString();
    }

    private static void row(StringBuilder html, LabList.Row row, String state) {
        String id = row.id().toString();
        String escapedState = escaped(state);
        html.append("\n<tr data-lab=\"").append(id).append("\">\n<th scope=\"row\"><a href=\"/labs/").append(id)
                .append("\">").append(escaped(row.name())).append("</a>");
        if (row.description() != null && !row.description().isEmpty()) {
            html.append("\n<div class=\"muted\">").append(escaped(row.description())).append("</div>");
        }
        html.append("</th>\n<td>").append(escaped(row.ownerName())).append("</td>\n<td>").append(row.nodeCount())
                .append("</td>\n<td>").append(row.permission().label()).append("</td>\n<td class=\"state\" data-lab-state=\"")
                .append(id).append("\" data-state=\"").append(escapedState).append("\">").append(escapedState)
                .append("</td>\n</tr>");
    }

    /** Escaped for text and for a double- or single-quoted attribute alike: {@code & < > " '}. */
    private static String escaped(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
