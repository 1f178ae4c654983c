package dev.labforge.access.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamApiTest extends IntegrationTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"}],"links":[]}""";

    private ApiClient owner;
    private String team;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        owner = api().newUser();
        team = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = owner.post("/api/v1/teams", "{\"name\":\"" + team + "\",\"displayName\":\"NetOps\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("yourRole").asString()).isEqualTo("owner");
        assertThat(created.header("Location")).isEqualTo("/api/v1/teams/" + team);
    }

    @Test
    void teamEndpointsAnswerEachRoleAsTheRulesSay() {
        ApiClient maintainer = join("maintainer");
        ApiClient member = join("member");
        ApiClient stranger = api().newUser();
        List<String> mismatches = new ArrayList<>();
        // GET: members and admins; strangers see nothing
        expect(mismatches, "stranger GET", stranger.get("/api/v1/teams/" + team), 404);
        expect(mismatches, "member GET", member.get("/api/v1/teams/" + team), 200);
        expect(mismatches, "admin GET", api().get("/api/v1/teams/" + team), 200);
        expect(mismatches, "anonymous GET", anonymous().get("/api/v1/teams/" + team), 401);
        // a team's quota: its members read it, only administrators set it
        expect(mismatches, "member reads quota", member.get("/api/v1/quotas/teams/" + team), 200);
        expect(mismatches, "maintainer reads quota", maintainer.get("/api/v1/quotas/teams/" + team), 200);
        expect(mismatches, "stranger reads quota", stranger.get("/api/v1/quotas/teams/" + team), 404);
        expect(mismatches, "owner sets quota", owner.put("/api/v1/quotas/teams/" + team, "{}"), 403);
        expect(mismatches, "maintainer sets quota", maintainer.put("/api/v1/quotas/teams/" + team, "{}"), 403);
        expect(mismatches, "owner resets quota", owner.delete("/api/v1/quotas/teams/" + team), 403);
        expect(mismatches, "admin sets quota", api().put("/api/v1/quotas/teams/" + team, "{\"labs\":3}"), 200);
        // adding plain members: maintainers and owners
        ApiClient newcomer = api().newUser();
        expect(mismatches, "member adds", member.put(memberPath(newcomer), role("member")), 403);
        expect(mismatches, "stranger adds", stranger.put(memberPath(newcomer), role("member")), 404);
        expect(mismatches, "maintainer adds member", maintainer.put(memberPath(newcomer), role("member")), 200);
        // promoting: owners only
        expect(mismatches, "maintainer promotes", maintainer.put(memberPath(newcomer), role("maintainer")), 403);
        expect(mismatches, "owner promotes", owner.put(memberPath(newcomer), role("maintainer")), 200);
        // removing a maintainer: owners only; anyone may leave
        expect(mismatches, "maintainer removes maintainer", maintainer.delete(memberPath(newcomer)), 403);
        expect(mismatches, "member leaves", member.delete(memberPath(member)), 204);
        expect(mismatches, "owner removes maintainer", owner.delete(memberPath(newcomer)), 204);
        // changing and deleting the team: owners only
        expect(mismatches, "maintainer renames", maintainer.put("/api/v1/teams/" + team, "{\"displayName\":\"x\"}"), 403);
        expect(mismatches, "owner renames", owner.put("/api/v1/teams/" + team, "{\"displayName\":\"Ops\"}"), 200);
        expect(mismatches, "owner links idp group", owner.put("/api/v1/teams/" + team,
                "{\"displayName\":\"Ops\",\"idpGroup\":\"ops\"}"), 403);
        expect(mismatches, "maintainer deletes", maintainer.delete("/api/v1/teams/" + team), 403);
        expect(mismatches, "owner deletes", owner.delete("/api/v1/teams/" + team), 204);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theLastOwnerCannotLeaveOrBeDemoted() {
        Response leave = owner.delete(memberPath(owner));
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.json().get("detail").asString()).contains("last owner");
        assertThat(owner.put(memberPath(owner), role("member")).status()).isEqualTo(409);

        ApiClient second = join("owner");
        assertThat(owner.delete(memberPath(owner)).status()).isEqualTo(204);
        assertThat(second.get("/api/v1/teams/" + team).json().get("members")).hasSize(1);
    }

    @Test
    void teamNamesAreUniqueAndValidated() {
        Response again = api().newUser().post("/api/v1/teams", "{\"name\":\"" + team + "\"}");
        assertThat(again.status()).isEqualTo(409);
        Response invalid = owner.post("/api/v1/teams", "{\"name\":\"Not A Name\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
        Response unknownRole = owner.put(memberPath(api().newUser()), role("boss"));
        assertThat(unknownRole.status()).isEqualTo(422);
        assertThat(unknownRole.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/role");
        assertThat(owner.put("/api/v1/teams/" + team + "/members/nobody-" + team, role("member")).status())
                .isEqualTo(404);
    }

    @Test
    void maintainersCreateTeamLabsMembersSeeThemAndATeamWithLabsCannotBeDeleted() {
        ApiClient maintainer = join("maintainer");
        ApiClient member = join("member");
        String name = "team-lab-" + team;
        Response refused = member.post("/api/v1/labs?team=" + team, LAB.formatted(name));
        assertThat(refused.status()).isEqualTo(403);
        Response notMine = api().newUser().post("/api/v1/labs?team=" + team, LAB.formatted(name));
        assertThat(notMine.status()).isEqualTo(422);
        assertThat(notMine.json().get("errors").get(0).get("parameter").asString()).isEqualTo("team");

        Response created = maintainer.post("/api/v1/labs?team=" + team, LAB.formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("owner").get("kind").asString()).isEqualTo("team");
        assertThat(created.json().get("owner").get("name").asString()).isEqualTo(team);
        // names are unique per owner: the team cannot have two, but a person can use the same name
        assertThat(owner.post("/api/v1/labs?team=" + team, LAB.formatted(name)).status()).isEqualTo(409);
        assertThat(owner.post("/api/v1/labs", LAB.formatted(name)).status()).isEqualTo(201);

        String id = created.json().get("id").asString();
        assertThat(member.get("/api/v1/labs/" + id).json().get("permission").asString()).isEqualTo("view");
        assertThat(owner.get("/api/v1/labs/" + id).json().get("permission").asString()).isEqualTo("admin");
        assertThat(member.get("/api/v1/labs?scope=owned").json().get("items").get(0).get("id").asString())
                .isEqualTo(id);
        assertThat(member.get("/api/v1/labs?scope=shared").json().get("totalItems").asLong()).isZero();

        Response blocked = owner.delete("/api/v1/teams/" + team);
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("detail").asString()).contains("owns labs");
    }

    @Test
    void sharedWithMeListsLabsOthersGaveMeAndNothingElse() {
        ApiClient bob = api().newUser();
        String mine = bob.post("/api/v1/labs", LAB.formatted("bobs-" + team)).json().get("id").asString();
        String theirs = owner.post("/api/v1/labs", LAB.formatted("shared-" + team)).json().get("id").asString();
        owner.post("/api/v1/labs", LAB.formatted("private-" + team));
        assertThat(owner.put("/api/v1/labs/" + theirs + "/access",
                "{\"grants\":[{\"user\":\"" + bob.username() + "\",\"level\":\"operate\"}]}").status()).isEqualTo(200);

        assertThat(ids(bob.get("/api/v1/labs?scope=shared"))).containsExactly(theirs);
        assertThat(ids(bob.get("/api/v1/labs?scope=owned"))).containsExactly(mine);
        assertThat(ids(bob.get("/api/v1/labs"))).containsExactlyInAnyOrder(mine, theirs);
        Response bad = bob.get("/api/v1/labs?scope=everything");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("parameter").asString()).isEqualTo("scope");
    }

    @Test
    void grantsAreValidatedWithAPointerPerMistakeAndChangeNothingWhenRefused() {
        String lab = owner.post("/api/v1/labs", LAB.formatted("grants-" + team)).json().get("id").asString();
        ApiClient bob = api().newUser();
        String body = "{\"grants\":[{\"user\":\"" + bob.username() + "\",\"level\":\"view\"},"
                + "{\"user\":\"no-such-user-" + team + "\",\"level\":\"view\"},"
                + "{\"team\":\"" + team + "\",\"level\":\"superuser\"},"
                + "{\"user\":\"" + bob.username() + "\",\"level\":\"edit\"},"
                + "{\"user\":\"x\",\"team\":\"y\",\"level\":\"view\"}]}";
        Response refused = owner.put("/api/v1/labs/" + lab + "/access", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/grants/1/user", "/grants/2/level", "/grants/3", "/grants/4");
        assertThat(owner.get("/api/v1/labs/" + lab + "/access").json().get("grants")).isEmpty();
        assertThat(bob.get("/api/v1/labs/" + lab).status()).isEqualTo(404);
    }

    private List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private ApiClient join(String role) {
        ApiClient user = api().newUser();
        assertThat(owner.put(memberPath(user), role(role)).status()).isEqualTo(200);
        return user;
    }

    private String memberPath(ApiClient user) {
        return "/api/v1/teams/" + team + "/members/" + user.username();
    }

    private static String role(String role) {
        return "{\"role\":\"" + role + "\"}";
    }

    private static void expect(List<String> mismatches, String what, Response response, int status) {
        if (response.status() != status) {
            mismatches.add(what + ": expected " + status + ", got " + response.status() + " " + response.body());
        }
    }
}
