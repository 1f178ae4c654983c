package dev.labforge.web.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import java.util.UUID;

/** A course for a browser test, made over the REST API: an admin's pool, an instructor's two-router template lab. */
record Course(ApiClient admin, ApiClient instructor, String name) {

    private static final String TEMPLATE = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024},
                                  {"name":"r2","image":"frr","cpu":2,"memoryMib":1024}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";

    static Course create(ApiClient admin) {
        Catalog.ensure(admin);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/capacity/pools", "{\"name\":\"web-" + suffix
                + "\",\"vcpus\":64,\"memoryMib\":1048576,\"nodes\":1000}").status()).isEqualTo(201);
        ApiClient instructor = admin.newUser();
        Response lab = instructor.post("/api/v1/labs", TEMPLATE.formatted("template-" + suffix));
        assertThat(lab.status()).as(lab.body()).isEqualTo(201);
        String name = "web-" + suffix;
        Response created = instructor.post("/api/v1/courses", "{\"name\":\"" + name + "\",\"title\":\"Routing <b>"
                + suffix + "</b>\",\"templateLab\":\"" + lab.json().get("id").asString() + "\",\"pool\":\"web-"
                + suffix + "\",\"endAction\":\"stop\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Course(admin, instructor, name);
    }

    /** A new student on the roster. */
    ApiClient enrol() {
        ApiClient student = admin.newUser();
        Response added = instructor.post("/api/v1/courses/" + name + "/roster", "{\"members\":[{\"username\":\""
                + student.username() + "\",\"role\":\"student\"}]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return student;
    }
}
