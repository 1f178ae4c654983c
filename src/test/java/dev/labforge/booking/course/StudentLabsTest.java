package dev.labforge.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A student's course lab is theirs (they own it) but charged to the course: it counts against no
 * one's personal quota, the student's rank on it is their grant (edit, not an owner's admin), and the
 * course's instructor administers it.
 */
class StudentLabsTest extends BookingIntegrationTest {

    private static final String NO_ROOM = "{\"labs\":1,\"runningNodes\":0,\"vcpus\":0,\"memoryMib\":0}";

    @Test
    void aStudentsLabIsTheirsButCountsAgainstNeitherTheirQuotaNorTheInstructors() {
        Classroom room = Classroom.create(api(), 64, "");
        // the instructor's quota holds their template and nothing more; students may hold nothing
        assertThat(api().put("/api/v1/quotas/users/" + room.instructor.username(), NO_ROOM).status()).isEqualTo(200);
        ApiClient alice = api().newUser();
        ApiClient bob = api().newUser();
        for (ApiClient student : new ApiClient[] {alice, bob}) {
            assertThat(api().put("/api/v1/quotas/users/" + student.username(),
                    "{\"labs\":0,\"runningNodes\":0,\"vcpus\":0,\"memoryMib\":0}").status()).isEqualTo(200);
        }
        Response added = room.instructor.post(room.path("/roster"), "{\"members\":[{\"username\":\""
                + alice.username() + "\"},{\"username\":\"" + bob.username() + "\"}]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);

        String lab = room.labOf(alice);
        JsonNode seen = alice.get("/api/v1/labs/" + lab).json();
        assertThat(seen.get("owner").get("name").asString()).isEqualTo(alice.username());
        assertThat(seen.get("permission").asString()).as("a grant's edit, not an owner's admin").isEqualTo("edit");
        assertThat(room.instructor.get("/api/v1/labs/" + lab).json().get("permission").asString()).isEqualTo("admin");
        assertThat(alice.delete("/api/v1/labs/" + lab).status()).as("deleting needs admin").isEqualTo(403);

        // running it takes no one's running-nodes quota either
        Response started = alice.post("/api/v1/labs/" + lab + "/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(usage(room.instructor).get("labs").asLong()).isEqualTo(1);
        assertThat(usage(room.instructor).get("runningNodes").asLong()).isZero();
        assertThat(usage(alice).get("labs").asLong()).isZero();
        assertThat(usage(alice).get("runningNodes").asLong()).isZero();

        // dropped: owning the lab gives them nothing; it stays for the course
        assertThat(room.instructor.delete(room.path("/roster/" + alice.username())).status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/labs/" + lab).status()).isEqualTo(404);
        assertThat(room.instructor.get("/api/v1/labs/" + lab).status()).isEqualTo(200);
    }

    @Test
    void aLabOfOnesOwnStillCountsAgainstOnesQuota() {
        ApiClient carol = api().newUser();
        assertThat(api().put("/api/v1/quotas/users/" + carol.username(),
                "{\"labs\":0,\"runningNodes\":0,\"vcpus\":0,\"memoryMib\":0}").status()).isEqualTo(200);
        dev.labforge.Catalog.ensure(api());
        Response refused = carol.post("/api/v1/labs", Classroom.TEMPLATE.formatted("own-" + carol.username()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    }

    private static JsonNode usage(ApiClient user) {
        return user.get("/api/v1/quotas/users/" + user.username()).json().get("usage");
    }
}
