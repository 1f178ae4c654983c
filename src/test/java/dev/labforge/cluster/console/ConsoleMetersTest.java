package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.ApiClient;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.QuietServiceTest;
import dev.labforge.cluster.Scrape;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console meters on /actuator/prometheus, as Prometheus scrapes them: a console opened shows as a session with a
 * viewer and an opened socket, a reused ticket as a refusal, and the session goes when its socket closes. On the quiet
 * service, where no other test's console opens meanwhile.
 */
class ConsoleMetersTest extends QuietServiceTest {

    @Test
    void aConsoleOpenedAndARefusalShowInTheMeters() throws Exception {
        ApiClient owner = newUser();
        UUID lab = ConsoleApiTest.startedLab(owner);
        String url = owner.post(ConsoleApiTest.tickets(lab, "r1"), "{\"kind\":\"serial\"}").json().get("url")
                .asString();
        Scrape before = Scrape.of(port);

        try (ConsoleClient console = ConsoleClient.open(port, url)) {
            console.awaitOutput("r1 login: ");
            Scrape open = Scrape.of(port);
            assertThat(open.value("labforge_console_sessions", "kind", "serial"))
                    .isEqualTo(before.value("labforge_console_sessions", "kind", "serial") + 1);
            assertThat(open.value("labforge_console_viewers", "kind", "serial"))
                    .isEqualTo(before.value("labforge_console_viewers", "kind", "serial") + 1);
            assertThat(open.value("labforge_console_opened_total", "kind", "serial"))
                    .isEqualTo(before.value("labforge_console_opened_total", "kind", "serial") + 1);
            assertThat(open.value("labforge_console_sessions", "kind", "vnc"))
                    .isEqualTo(before.value("labforge_console_sessions", "kind", "vnc"));
        }

        assertThatThrownBy(() -> ConsoleClient.open(port, url)).as("the ticket is spent")
                .isInstanceOf(ConsoleClient.Refused.class);
        Scrape after = Scrape.of(port);
        assertThat(after.value("labforge_console_refused_total", "kind", "serial", "reason", "unauthenticated"))
                .isEqualTo(before.value("labforge_console_refused_total", "kind", "serial", "reason",
                        "unauthenticated") + 1);
        assertThat(after.value("labforge_console_opened_total", "kind", "serial"))
                .isEqualTo(before.value("labforge_console_opened_total", "kind", "serial") + 1);
        Await.until("the closed console gone from the gauge", Duration.ofSeconds(20), () ->
                Scrape.of(port).value("labforge_console_sessions", "kind", "serial")
                        == before.value("labforge_console_sessions", "kind", "serial"), () -> "still open");
    }
}
