package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of console tests on one running lab (routers r1 and r2 in the simulated cluster) of a new user's, with the
 * consoles opened and the access granted over the API.
 */
abstract class RunningLabTest extends IntegrationTest {

    @Autowired
    protected ConsoleProperties properties;

    protected ApiClient owner;
    protected UUID lab;

    @BeforeEach
    void runningLab() {
        Catalog.ensure(api());
        owner = api().newUser();
        lab = ConsoleApiTest.startedLab(owner);
    }

    /** Opens a console on one of the lab's nodes as {@code who}, with a ticket of their own. */
    protected ConsoleClient open(ApiClient who, String node) throws ConsoleClient.Refused {
        Response ticket = who.post(ConsoleApiTest.tickets(lab, node), "");
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        return ConsoleClient.open(port, ticket.json().get("url").asString());
    }

    /** A new user the owner grants {@code level} on the lab. */
    protected ApiClient grant(String level) {
        ApiClient user = api().newUser();
        assertThat(owner.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[{\"user\":\"" + user.username()
                + "\",\"level\":\"" + level + "\"}]}").status()).isEqualTo(200);
        return user;
    }
}
