package dev.labforge.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import dev.labforge.lab.LabList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The labs table's rows as the service writes them: the same cells the page always had (a link to the lab, its
 * description, owner, nodes, the caller's permission, the state the live stream updates), and every string a user
 * controls escaped, in text and in attributes.
 */
class LabRowRendererTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final UUID ID = UUID.fromString("0b7c2a4e-6f1d-4d3a-9a57-2f8e1c3d4b5a");

    @Test
    void aRowHasTheLabsLinkCellsAndTheStateTheStreamUpdates() {
        String html = LabRowRenderer.rows(List.of(row("core-lab", "two routers", "ana", Permission.OPERATE)),
                Map.of(ID, "RUNNING"));

        assertThat(html).isEqualTo("""

                <tr data-lab="0b7c2a4e-6f1d-4d3a-9a57-2f8e1c3d4b5a">
                <th scope="row"><a href="/labs/0b7c2a4e-6f1d-4d3a-9a57-2f8e1c3d4b5a">core-lab</a>
                <div class="muted">two routers</div></th>
                <td>ana</td>
                <td>3</td>
                <td>operate</td>
                <td class="state" data-lab-state="0b7c2a4e-6f1d-4d3a-9a57-2f8e1c3d4b5a" data-state="RUNNING">RUNNING</td>
                </tr>""");
    }

    @Test
    void aLabWithNoStatusIsDefinedAndOneWithNoDescriptionHasNoDescriptionLine() {
        String html = LabRowRenderer.rows(List.of(row("quiet", null, null, Permission.VIEW)), Map.of());

        assertThat(html).contains("data-state=\"DEFINED\">DEFINED</td>").doesNotContain("class=\"muted\"")
                .contains("<td></td>"); // an owner whose name is gone: an empty cell, as before
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "off", "false"})
    void aDescriptionIsShownWhateverItSays(String description) {
        // the template's th:if hid these three (Thymeleaf reads them as false)
        assertThat(LabRowRenderer.rows(List.of(row("words", description, "ana", Permission.VIEW)), Map.of()))
                .contains("<div class=\"muted\">" + description + "</div>");
    }

    @Test
    void rowsFollowTheListsOrderAndNoListIsNoRows() {
        UUID second = UUID.randomUUID();
        String html = LabRowRenderer.rows(List.of(row("first", null, "ana", Permission.ADMIN),
                new LabList.Row(second, "second", null, Owner.Kind.TEAM, "blue", false, Permission.EDIT, 1)),
                Map.of(second, "FAILED"));

        assertThat(html.indexOf(">first<")).isPositive().isLessThan(html.indexOf(">second<"));
        assertThat(html).contains("data-lab-state=\"" + second + "\" data-state=\"FAILED\">FAILED");
        assertThat(LabRowRenderer.rows(List.of(), Map.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "description", "owner", "state"})
    void markupAUserStoredIsShownAsTextNeverAsMarkup(String field) {
        String hostile = HOSTILE + "\"'&";
        LabList.Row row = row(field.equals("name") ? hostile : "n", field.equals("description") ? hostile : "d",
                field.equals("owner") ? hostile : "o", Permission.VIEW);
        String html = LabRowRenderer.rows(List.of(row), Map.of(ID, field.equals("state") ? hostile : "RUNNING"));

        assertThat(html).doesNotContain("<img").doesNotContain("\"'&\"")
                .contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
        // the markup there is the row's own: the value opened no tag (16 of the row's) and closed no attribute (7)
        assertThat(html.chars().filter(c -> c == '<').count()).isEqualTo(16);
        assertThat(html.chars().filter(c -> c == '"').count()).isEqualTo(14);
    }

    private static LabList.Row row(String name, String description, String owner, Permission permission) {
        return new LabList.Row(ID, name, description, Owner.Kind.USER, owner, true, permission, 3);
    }
}
