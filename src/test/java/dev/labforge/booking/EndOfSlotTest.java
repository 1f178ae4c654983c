package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.plan.LabPlanner;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The end of a slot: warnings 10 and 2 minutes before the end in the lab's event log (so its event
 * stream carries them), extension in the last 15 minutes that starts the warnings over, and a reset of
 * the student's lab on demand.
 */
class EndOfSlotTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2029-09-03T07:00:00Z");

    @Autowired
    private ClusterConnection cluster;

    @Autowired
    private BookingReconciler reconciler;

    @BeforeEach
    void setUp() {
        passesFrom(NOW);
    }

    @Test
    void warningsGoToTheLabsEventLogTenAndTwoMinutesBeforeTheEndAndAgainAfterAnExtension() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        String id = bookSlot(alice, room, "2029-09-03T09:00:00Z", "2029-09-03T10:00:00Z");
        clock.set(Instant.parse("2029-09-03T08:55:00Z"));
        reconciler.pass();
        assertThat(labNotes(alice, lab, "BookingStarted")).hasSize(1);

        clock.set(Instant.parse("2029-09-03T09:49:59Z"));
        reconciler.pass();
        assertThat(labNotes(alice, lab, "BookingEnding")).isEmpty();
        clock.set(Instant.parse("2029-09-03T09:50:00Z"));
        reconciler.pass();
        reconciler.pass(); // once only
        assertThat(labNotes(alice, lab, "BookingEnding")).containsExactly("booking " + id + " ends in 10 minutes, at"
                + " 2029-09-03T10:00:00Z; then the lab is stopped");
        clock.set(Instant.parse("2029-09-03T09:58:00Z"));
        reconciler.pass();
        assertThat(labNotes(alice, lab, "BookingEnding")).hasSize(2).last().asString().contains("ends in 2 minutes");

        // extended: the new end gets its own warnings
        Response extended = alice.post("/api/v1/bookings/" + id + "/extend", "{\"minutes\":30}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        clock.set(Instant.parse("2029-09-03T10:20:00Z"));
        reconciler.pass();
        assertThat(labNotes(alice, lab, "BookingEnding")).hasSize(3).last().asString()
                .contains("ends in 10 minutes, at 2029-09-03T10:30:00Z");
        assertThat(alice.get("/api/v1/labs/" + lab).json().get("status").get("desired").asString())
                .as("still meant to run: its end moved").isEqualTo("RUNNING");
    }

    @Test
    void aServiceDownThroughTheFirstWarningSendsOnlyTheOneDueNow() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        bookSlot(alice, room, "2029-09-03T09:00:00Z", "2029-09-03T10:00:00Z");
        clock.set(Instant.parse("2029-09-03T09:00:00Z"));
        reconciler.pass();
        clock.set(Instant.parse("2029-09-03T09:59:00Z"));
        reconciler.pass();
        reconciler.pass();
        assertThat(labNotes(alice, lab, "BookingEnding")).hasSize(1).first().asString().contains("ends in 1 minute,");
    }

    @Test
    void aStudentResetsTheirOwnLabAtAnyTimeAndItRunsAgainInsideABookingButNotAnothersLab() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        String lab = room.labOf(alice);
        bookSlot(alice, room, "2029-09-03T09:00:00Z", "2029-09-03T10:00:00Z");
        clock.set(Instant.parse("2029-09-03T09:00:00Z"));
        reconciler.pass();
        await("alice's lab running", () -> labState(alice, lab).equals("RUNNING"));
        Response mine = alice.get("/api/v1/labs/" + lab);
        assertThat(alice.put("/api/v1/labs/" + lab, """
                {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024}],"links":[]}"""
                .formatted(mine.json().get("name").asString()), "If-Match", mine.header("ETag")).status())
                .isEqualTo(200);

        assertThat(bob.post(room.path("/labs/" + lab + "/reset"), "").status()).as("not bob's").isEqualTo(404);
        assertThat(api().newUser().post(room.path("/labs/" + lab + "/reset"), "").status()).isEqualTo(404);
        await("r1's VM rewritten to the edit", () -> vmUids(lab).size() == 1);
        Map<String, String> before = vmUids(lab);
        Response reset = alice.post(room.path("/labs/" + lab + "/reset"), "");
        assertThat(reset.status()).as(reset.body()).isEqualTo(202);
        assertThat(reset.json().get("restarted").asBoolean()).isTrue();
        assertThat(alice.get("/api/v1/labs/" + lab).json().get("nodes")).hasSize(2);
        await("alice's lab running again with both routers", () -> labState(alice, lab).equals("RUNNING")
                && alice.get("/api/v1/labs/" + lab).json().get("status").get("nodes").size() == 2);
        assertThat(labNotes(alice, lab, "LabReset")).hasSize(1);
        // removed from the cluster and deployed again: r1 is a new VM, not the old one patched, and runs
        await("r1 replaced by a new VM and the lab running", () -> {
            Map<String, String> after = vmUids(lab);
            return after.keySet().equals(java.util.Set.of("r1", "r2")) && !after.get("r1").equals(before.get("r1"))
                    && labState(alice, lab).equals("RUNNING");
        });

        // outside a booking: reset, not started
        String bobs = room.labOf(bob);
        Response idle = bob.post(room.path("/labs/" + bobs + "/reset"), "");
        assertThat(idle.status()).as(idle.body()).isEqualTo(202);
        assertThat(idle.json().get("restarted").asBoolean()).isFalse();
        assertThat(room.instructor.post(room.path("/labs/" + bobs + "/reset"), "").status()).isEqualTo(202);
    }

    /** Each VM's uid by name: a VM deleted and created again has a new one. */
    private Map<String, String> vmUids(String lab) {
        return cluster.client().genericKubernetesResources(KubeVirt.VM)
                .inNamespace(LabPlanner.namespaceOf(UUID.fromString(lab))).list().getItems().stream()
                .collect(Collectors.toMap(vm -> vm.getMetadata().getName(), vm -> vm.getMetadata().getUid()));
    }
}
