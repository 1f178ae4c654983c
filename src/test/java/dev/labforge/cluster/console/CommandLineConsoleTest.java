package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.ConsoleApiTest.tickets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's command-line session: {@code wsdump} and {@code wscat} send each typed line as a text message without
 * its end; opened with {@code &lines=true}, the console gets the Enter after each, and its output comes as text.
 */
class CommandLineConsoleTest extends IntegrationTest {

    @Test
    void aLineAtATimeClientOpensWithLinesAndEachTextMessageIsEntered() throws Exception {
        Catalog.ensure(api());
        ApiClient owner = api().newUser();
        UUID lab = ConsoleApiTest.startedLab(owner);
        String url = owner.post(tickets(lab, "r1"), "").json().get("url").asString();
        try (ConsoleClient console = ConsoleClient.open(port, url + "&lines=true")) {
            console.awaitNotice("r1 login: ");
            console.sendText("alice");
            console.awaitNotice("Password: ");
            console.sendText("secret");
            console.awaitNotice("r1# ");
            console.sendText("show interfaces");
            assertThat(console.awaitNotice("r2:eth1")).contains("show interfaces\r\n");
            assertThat(console.output()).as("output comes as text, which such a client prints as it is").isEmpty();
        }
        // without it a text message is keystrokes as they are (xterm.js): no Enter is added
        String plain = owner.post(tickets(lab, "r2"), "").json().get("url").asString();
        try (ConsoleClient console = ConsoleClient.open(port, plain)) {
            console.awaitOutput("r2 login: ");
            console.sendText("alice");
            console.sendText("\r");
            console.awaitOutput("Password: ");
            assertThat(console.output()).contains("r2 login: alice\r\nPassword: ");
        }
    }
}
