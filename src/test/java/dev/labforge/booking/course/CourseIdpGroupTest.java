package dev.labforge.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import dev.labforge.access.oidc.TestIdentityProvider;
import dev.labforge.booking.Classroom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A roster that follows an identity-provider group, as teams do: signing in with the group enrols a
 * student, signing in without it drops them (their lab stays with the course), and members added by
 * hand stay whatever the claim says.
 */
// single sign-on on (the issuer of the identity provider this class starts and stops) makes a context of its own on
// the shared database: closed after the class, so that it gives the reconciler lease back (held, it would keep the
// shared context's booking tests waiting for it) and does not run on against a provider that is gone
@DirtiesContext
class CourseIdpGroupTest extends IntegrationTest {

    static final TestIdentityProvider idp = TestIdentityProvider.start();

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("labforge.oidc.issuer", idp::issuer);
        registry.add("labforge.oidc.audience", () -> TestIdentityProvider.AUDIENCE);
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    @Test
    void signingInWithTheCoursesGroupEnrolsAStudentAndWithoutItDropsThemButNotThoseAddedByHand() {
        Classroom room = Classroom.create(api(), 64, "");
        String group = "/courses/" + room.course;
        Response notAdmin = room.instructor.put(room.path("/idp-group"), "{\"idpGroup\":\"" + group + "\"}");
        assertThat(notAdmin.status()).as("only administrators link groups, as for teams").isEqualTo(403);
        assertThat(room.instructor.get(room.path("/idp-group")).json().get("idpGroup").isNull()).isTrue();
        Response linked = api().put(room.path("/idp-group"), "{\"idpGroup\":\"" + group + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(room.instructor.get(room.path("/idp-group")).json().get("idpGroup").asString()).isEqualTo(group);

        String subject = UUID.randomUUID().toString();
        String name = "ida-" + subject.substring(0, 8);
        ApiClient ida = signIn(subject, name, List.of("/staff", group));
        JsonNode course = ida.get(room.path("")).json();
        assertThat(course.get("yourRole").asString()).isEqualTo("student");
        String lab = course.get("yourLab").asString();
        assertThat(ida.get("/api/v1/labs/" + lab).json().get("permission").asString()).isEqualTo("edit");
        assertThat(member(room, name).get("source").asString()).isEqualTo("idp");

        // a second sign-in with the group changes nothing: no second lab
        signIn(subject, name, List.of(group));
        assertThat(ida.get(room.path("")).json().get("yourLab").asString()).isEqualTo(lab);

        // a user the instructor added by hand stays whatever their claim says
        String otherSubject = UUID.randomUUID().toString();
        String manualName = "max-" + otherSubject.substring(0, 8);
        ApiClient max = signIn(otherSubject, manualName, List.of());
        assertThat(max.get(room.path("")).status()).isEqualTo(404);
        assertThat(room.instructor.post(room.path("/roster"), "{\"members\":[{\"username\":\"" + manualName
                + "\"}]}").status()).isEqualTo(200);
        signIn(otherSubject, manualName, List.of());
        assertThat(max.get(room.path("")).json().get("yourRole").asString()).isEqualTo("student");
        assertThat(member(room, manualName).get("source").asString()).isEqualTo("manual");

        // gone from the group: dropped at the next sign-in; the lab stays with the course
        signIn(subject, name, List.of("/staff"));
        assertThat(ida.get(room.path("")).status()).isEqualTo(404);
        assertThat(ida.get("/api/v1/labs/" + lab).status()).isEqualTo(404);
        assertThat(room.instructor.get("/api/v1/labs/" + lab).status()).isEqualTo(200);
        assertThat(member(room, name)).isNull();

        // back in the group: enrolled again, with a fresh copy
        signIn(subject, name, List.of(group));
        assertThat(ida.get(room.path("")).json().get("yourLab").asString()).isNotEqualTo(lab);

        // the course stops following the group: its students leave at their next sign-in, the manual one stays
        assertThat(api().delete(room.path("/idp-group")).status()).isEqualTo(204);
        signIn(subject, name, List.of(group));
        assertThat(ida.get(room.path("")).status()).isEqualTo(404);
        assertThat(max.get(room.path("")).status()).isEqualTo(200);
    }

    @Test
    void aBadGroupIsRefusedWithAPointer() {
        Classroom room = Classroom.create(api(), 64, "");
        Response empty = api().put(room.path("/idp-group"), "{\"idpGroup\":\"\"}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/idpGroup");
        assertThat(api().get(room.path("/idp-group")).json().get("idpGroup").isNull()).isTrue();
    }

    private ApiClient signIn(String subject, String name, List<String> groups) {
        JWTClaimsSet claims = idp.claims(subject, name).claim("groups", groups).build();
        ApiClient client = anonymous().as(idp.sign(claims));
        Response me = client.get("/api/v1/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        return client;
    }

    private static JsonNode member(Classroom room, String username) {
        for (JsonNode member : room.instructor.get(room.path("/roster")).json().get("members")) {
            if (member.get("username").asString().equals(username)) {
                return member;
            }
        }
        return null;
    }
}
