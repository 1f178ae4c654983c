package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import java.util.UUID;

/**
 * A course for a test: an admin's pool, an instructor's template lab of two 2-vCPU routers, the
 * course, and helpers to enrol people. Names are unique, so tests sharing the database never meet.
 */
public final class Classroom {

    public static final String TEMPLATE = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024},
                                  {"name":"r2","image":"frr","cpu":2,"memoryMib":1024}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";

    final ApiClient admin;
    public final ApiClient instructor;
    public final String pool;
    public final String course;
    public final String templateLab;

    private Classroom(ApiClient admin, ApiClient instructor, String pool, String course, String templateLab) {
        this.admin = admin;
        this.instructor = instructor;
        this.pool = pool;
        this.course = course;
        this.templateLab = templateLab;
    }

    /** A pool of {@code vcpus} (memory and VMs plenty) and a course on it with the given extra settings. */
    public static Classroom create(ApiClient admin, int vcpus, String settings) {
        // an image of its own: lead times are learned per image
        return create(admin, vcpus, settings, TEMPLATE.replace("\"frr\"", "\"" + ownImage(admin) + "\""));
    }

    /** As {@link #create(ApiClient, int, String)}, with a template of one's own ({@code %s}: its name). */
    public static Classroom create(ApiClient admin, int vcpus, String settings, String template) {
        Catalog.ensure(admin);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String pool = "pool-" + suffix;
        assertThat(admin.post("/api/v1/capacity/pools", "{\"name\":\"" + pool + "\",\"vcpus\":" + vcpus
                + ",\"memoryMib\":1048576,\"nodes\":" + Math.max(1000, vcpus) + "}").status()).isEqualTo(201);
        ApiClient instructor = admin.newUser();
        Response lab = instructor.post("/api/v1/labs", template.formatted("template-" + suffix));
        assertThat(lab.status()).as(lab.body()).isEqualTo(201);
        String labId = lab.json().get("id").asString();
        String course = "c-" + suffix;
        Response created = instructor.post("/api/v1/courses", "{\"name\":\"" + course + "\",\"templateLab\":\""
                + labId + "\",\"pool\":\"" + pool + "\"" + (settings.isEmpty() ? "" : "," + settings) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Classroom(admin, instructor, pool, course, labId);
    }

    /**
     * {@code count} new students, enrolled in batches of one roster request each (each gets a lab, a copy of the
     * template), in the order returned: the roster's order, in which a class session seats them.
     */
    public java.util.List<ApiClient> enrolStudents(int count) {
        java.util.List<ApiClient> students = new java.util.ArrayList<>();
        for (int from = 0; from < count; from += 50) {
            java.util.List<ApiClient> batch = new java.util.ArrayList<>();
            for (int i = from; i < Math.min(count, from + 50); i++) {
                batch.add(admin.newUser());
            }
            Response added = instructor.post(path("/roster"), "{\"members\":[" + String.join(",", batch.stream()
                    .map(s -> "{\"username\":\"" + s.username() + "\",\"role\":\"student\"}").toList()) + "]}");
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            students.addAll(batch);
        }
        return students;
    }

    /**
     * A new image of its own, named {@code frr-<something unique>}: lead times are learned per image from boots, and
     * other tests' boots, timed on clocks they move, must not reach this one's.
     */
    public static String ownImage(ApiClient admin) {
        Catalog.ensure(admin);
        String image = "frr-" + UUID.randomUUID().toString().substring(0, 8);
        Response registered = admin.post("/api/v1/images", Catalog.FRR.replace("\"name\":\"frr\"",
                "\"name\":\"" + image + "\""));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return image;
    }

    /**
     * A template ({@code %s}: its name) of {@code routers} routers of one vCPU and 512 MiB on {@code image}, in a ring
     * (a single link for two).
     */
    static String template(String image, int routers) {
        java.util.StringJoiner nodes = new java.util.StringJoiner(",");
        java.util.StringJoiner links = new java.util.StringJoiner(",");
        for (int r = 1; r <= routers; r++) {
            nodes.add("{\"name\":\"r" + r + "\",\"image\":\"" + image + "\",\"cpu\":1,\"memoryMib\":512}");
        }
        for (int r = 1; r <= (routers == 2 ? 1 : routers); r++) {
            int next = r % routers + 1;
            links.add("{\"endpoints\":[\"r" + r + ":eth1\",\"r" + next + ":eth2\"]}");
        }
        return "{\"name\":\"%s\",\"nodes\":[" + nodes + "],\"links\":[" + links + "]}";
    }

    /** A new user in the course with this role. */
    public ApiClient enrol(String role) {
        ApiClient user = admin.newUser();
        Response added = instructor.post(path("/roster"), "{\"members\":[{\"username\":\"" + user.username()
                + "\",\"role\":\"" + role + "\"}]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return user;
    }

    public String path(String rest) {
        return "/api/v1/courses/" + course + rest;
    }

    /** The student's own lab, from the course as they see it. */
    public String labOf(ApiClient student) {
        return student.get(path("")).json().get("yourLab").asString();
    }
}
