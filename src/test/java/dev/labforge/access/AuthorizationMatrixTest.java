package dev.labforge.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every lab endpoint against every kind of caller: anonymous, a stranger, each sharing level given
 * directly and through a team, each role in the team that owns the lab, the owner and an
 * administrator. Each caller gets its own lab, so that the one request that changes state (start,
 * last) cannot influence another row. Requests that would change a definition carry a stale
 * If-Match, so an allowed caller gets 412 and nothing changes, while a refused one gets 403 or 404:
 * authorisation is decided before anything else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    private static final String STALE = "\"999\"";
    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";
    private static final String YAML = """
            name: %s
            topology:
              nodes:
                r1: {kind: linux, image: frr}
            """;

    /**
     * What a caller is to the lab; {@code level} is the permission that relation must give, and
     * {@code list} the list scope that shows it besides "all": owned, shared or neither.
     */
    private record Case(String name, ApiClient client, String labId, String level, String list) {
    }

    /** One endpoint: the level it needs and what an allowed caller gets. */
    private record Endpoint(String name, String needs, int allowed, Request request) {
    }

    @FunctionalInterface
    private interface Request {
        Response send(ApiClient client, String labId, String labName);
    }

    private final List<Case> cases = new ArrayList<>();
    private String team;
    private Map<String, ApiClient> teamRoles;
    private final Map<String, String> labNames = new LinkedHashMap<>();

    @BeforeAll
    void setUp() {
        Catalog.ensure(api());
        ApiClient owner = api().newUser();
        String team = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient teamOwner = api().newUser();
        assertThat(teamOwner.post("/api/v1/teams", "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
        ApiClient teamMaintainer = member(teamOwner, team, "maintainer");
        ApiClient teamMember = member(teamOwner, team, "member");

        String grantsTeam = "granted-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient grantsTeamOwner = api().newUser();
        assertThat(grantsTeamOwner.post("/api/v1/teams", "{\"name\":\"" + grantsTeam + "\"}").status())
                .isEqualTo(201);
        ApiClient viaTeam = member(grantsTeamOwner, grantsTeam, "member");

        cases.add(new Case("anonymous", anonymous(), ownLab(owner), null, null));
        cases.add(new Case("stranger", api().newUser(), ownLab(owner), "none", null));
        for (String level : List.of("view", "operate", "edit", "admin")) {
            ApiClient grantee = api().newUser();
            String labId = ownLab(owner);
            share(owner, labId, "{\"user\":\"" + grantee.username() + "\",\"level\":\"" + level + "\"}");
            cases.add(new Case("user granted " + level, grantee, labId, level, "shared"));
        }
        String teamGranted = ownLab(owner);
        share(owner, teamGranted, "{\"team\":\"" + grantsTeam + "\",\"level\":\"operate\"}");
        cases.add(new Case("member of a team granted operate", viaTeam, teamGranted, "operate", "shared"));
        String both = ownLab(owner);
        share(owner, both, "{\"team\":\"" + grantsTeam + "\",\"level\":\"view\"},{\"user\":\""
                + viaTeam.username() + "\",\"level\":\"edit\"}");
        cases.add(new Case("the higher of a team and a user grant", viaTeam, both, "edit", "shared"));
        cases.add(new Case("owner of the owning team", teamOwner, teamLab(teamOwner, team), "admin", "owned"));
        cases.add(new Case("maintainer of the owning team", teamMaintainer, teamLab(teamOwner, team), "admin",
                "owned"));
        cases.add(new Case("member of the owning team", teamMember, teamLab(teamOwner, team), "view", "owned"));
        cases.add(new Case("owner", owner, ownLab(owner), "admin", "owned"));
        cases.add(new Case("administrator", api(), ownLab(owner), "admin", null));
        this.team = team;
        this.teamRoles = Map.of("owner", teamOwner, "maintainer", teamMaintainer, "member", teamMember);
    }

    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET lab", "view", 200, (c, id, name) -> c.get("/api/v1/labs/" + id)),
                new Endpoint("GET lab as YAML", "view", 200,
                        (c, id, name) -> c.get("/api/v1/labs/" + id, "Accept", "application/yaml")),
                new Endpoint("GET picture", "view", 200, (c, id, name) -> c.get("/api/v1/labs/" + id + "/topology.svg")),
                new Endpoint("GET events", "view", 200, (c, id, name) -> c.get("/api/v1/labs/" + id + "/events")),
                new Endpoint("PUT lab", "edit", 412, (c, id, name) ->
                        c.put("/api/v1/labs/" + id, LAB.formatted(name), "If-Match", STALE)),
                new Endpoint("PUT lab as YAML", "edit", 412, (c, id, name) ->
                        c.send("PUT", "/api/v1/labs/" + id, YAML.formatted(name), "application/yaml",
                                "If-Match", STALE)),
                new Endpoint("DELETE lab", "admin", 412, (c, id, name) ->
                        c.delete("/api/v1/labs/" + id, "If-Match", STALE)),
                new Endpoint("GET access", "admin", 200, (c, id, name) -> c.get("/api/v1/labs/" + id + "/access")),
                new Endpoint("PUT access", "admin", 422, (c, id, name) ->
                        c.put("/api/v1/labs/" + id + "/access", "{\"grants\":[{\"level\":\"view\"}]}")),
                new Endpoint("stop", "operate", 409, (c, id, name) -> c.post("/api/v1/labs/" + id + "/stop", null)),
                new Endpoint("restart a node", "operate", 409, (c, id, name) ->
                        c.post("/api/v1/labs/" + id + "/nodes/r1/restart", null)),
                new Endpoint("stop a node", "operate", 409, (c, id, name) ->
                        c.post("/api/v1/labs/" + id + "/nodes/r1/stop", null)),
                new Endpoint("start a node", "operate", 409, (c, id, name) ->
                        c.post("/api/v1/labs/" + id + "/nodes/r1/start", null)),
                new Endpoint("GET events as a stream", "view", 200, (c, id, name) -> c.open(
                        "/api/v1/labs/" + id + "/events", "Accept", "text/event-stream")),
                // passes bean validation, then the permission check, then fails the step rule: 422 once allowed
                new Endpoint("extend the ad-hoc run", "operate", 422, (c, id, name) ->
                        c.post("/api/v1/labs/" + id + "/run/extend", "{\"minutes\":20}")),
                new Endpoint("destroy", "operate", 202, (c, id, name) -> c.post("/api/v1/labs/" + id + "/destroy", null)),
                new Endpoint("start", "operate", 202, (c, id, name) -> c.post("/api/v1/labs/" + id + "/start", null)));
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheirPermissionSays() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Case c : cases) {
            String name = labNames.get(c.labId());
            for (Endpoint endpoint : endpoints()) {
                int expected = expected(c.level(), endpoint);
                Response response = endpoint.request().send(c.client(), c.labId(), name);
                checked++;
                if (response.status() != expected) {
                    mismatches.add(c.name() + " / " + endpoint.name() + ": expected " + expected + ", got "
                            + response.status() + " " + response.body());
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isEqualTo(cases.size() * endpoints().size());
    }

    @Test
    void everyLabCarriesTheCallersEffectivePermissionAndListsShowExactlyTheLabsACallerCanSee() {
        for (Case c : cases) {
            if (c.level() == null || c.level().equals("none")) {
                continue;
            }
            Response lab = c.client().get("/api/v1/labs/" + c.labId());
            assertThat(lab.json().get("permission").asString()).as(c.name()).isEqualTo(c.level());
            Response list = c.client().get("/api/v1/labs?size=100&name=" + labNames.get(c.labId()));
            assertThat(list.json().get("items")).as(c.name()).hasSize(1);
            assertThat(list.json().get("items").get(0).get("permission").asString()).as(c.name())
                    .isEqualTo(c.level());
            for (String scope : List.of("owned", "shared")) {
                long shown = c.client().get("/api/v1/labs?scope=" + scope + "&name=" + labNames.get(c.labId()))
                        .json().get("totalItems").asLong();
                assertThat(shown).as(c.name() + " in " + scope).isEqualTo(scope.equals(c.list()) ? 1 : 0);
            }
        }
        Case stranger = cases.stream().filter(c -> "none".equals(c.level())).findFirst().orElseThrow();
        assertThat(stranger.client().get("/api/v1/labs?name=" + labNames.get(stranger.labId())).json()
                .get("totalItems").asLong()).isZero();
    }

    @Test
    void onlyTheTeamsOwnersMaintainersAndAdministratorsCreateLabsForIt() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("owner", 201);
        expected.put("maintainer", 201);
        expected.put("member", 403);
        List<String> mismatches = new ArrayList<>();
        for (String format : List.of("json", "yaml")) {
            Map<String, ApiClient> callers = new LinkedHashMap<>(teamRoles);
            callers.put("stranger", api().newUser());
            callers.put("administrator", api());
            callers.put("anonymous", anonymous());
            for (var caller : callers.entrySet()) {
                int want = expected.getOrDefault(caller.getKey(),
                        switch (caller.getKey()) {
                            case "stranger" -> 422;
                            case "anonymous" -> 401;
                            default -> 201;
                        });
                String name = "t-" + UUID.randomUUID().toString().substring(0, 12);
                Response created = format.equals("json")
                        ? caller.getValue().post("/api/v1/labs?team=" + team, LAB.formatted(name))
                        : caller.getValue().send("POST", "/api/v1/labs?team=" + team, YAML.formatted(name),
                                "application/yaml");
                if (created.status() != want) {
                    mismatches.add(caller.getKey() + " / " + format + ": expected " + want + ", got "
                            + created.status() + " " + created.body());
                } else if (want == 201 && !created.json().get("owner").get("name").asString().equals(team)) {
                    mismatches.add(caller.getKey() + " / " + format + ": the lab does not belong to the team");
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aLabYouMayNotSeeIsIndistinguishableFromOneThatDoesNotExist() {
        Case stranger = cases.stream().filter(c -> "none".equals(c.level())).findFirst().orElseThrow();
        Response hidden = stranger.client().get("/api/v1/labs/" + stranger.labId());
        String missingId = UUID.randomUUID().toString();
        Response missing = stranger.client().get("/api/v1/labs/" + missingId);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.json().get("type")).isEqualTo(missing.json().get("type"));
        assertThat(hidden.json().get("detail").asString().replace(stranger.labId(), "ID"))
                .isEqualTo(missing.json().get("detail").asString().replace(missingId, "ID"));
    }

    @Test
    void aRefusalSaysWhichLevelYouHaveAndWhichTheActionNeeds() {
        Case viewer = cases.stream().filter(c -> c.name().equals("user granted view")).findFirst().orElseThrow();
        Response refused = viewer.client().post("/api/v1/labs/" + viewer.labId() + "/start", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/forbidden");
        assertThat(refused.json().get("detail").asString()).contains("view").contains("operate");
    }

    /** An endpoint outside any lab: what anonymous, a plain user and an administrator get. */
    private record Platform(String name, int anonymous, int user, int admin, Request request) {
    }

    @Test
    void everyEndpointOutsideLabsAnswersAnonymousUsersAndAdministratorsAsDocumented() {
        ApiClient plain = api().newUser();
        ApiClient other = api().newUser();
        ApiClient third = api().newUser();
        String othersToken = api().newUser().get("/api/v1/tokens").json().get(0).get("id").asString();
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String team = "plat-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(other.post("/api/v1/teams", "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
        String missing = UUID.randomUUID().toString();
        List<Platform> endpoints = List.of(
                new Platform("GET cluster", 401, 200, 200, (c, id, n) -> c.get("/api/v1/cluster")),
                new Platform("GET images", 401, 200, 200, (c, id, n) -> c.get("/api/v1/images")),
                new Platform("GET image", 401, 200, 200, (c, id, n) -> c.get("/api/v1/images/frr")),
                new Platform("POST image (exists)", 401, 403, 409, (c, id, n) -> c.post("/api/v1/images", Catalog.FRR)),
                new Platform("DELETE image (missing)", 401, 403, 404, (c, id, n) -> c.delete("/api/v1/images/nope")),
                new Platform("GET me", 401, 200, 200, (c, id, n) -> c.get("/api/v1/me")),
                new Platform("GET tokens", 401, 200, 200, (c, id, n) -> c.get("/api/v1/tokens")),
                new Platform("POST token", 401, 201, 201, (c, id, n) -> c.post("/api/v1/tokens", "{\"name\":\"m\"}")),
                new Platform("DELETE token (not yours)", 401, 404, 404, (c, id, n) -> c.delete("/api/v1/tokens/" + missing)),
                new Platform("DELETE another user's token", 401, 404, 204, (c, id, n) ->
                        c.delete("/api/v1/tokens/" + othersToken)),
                new Platform("GET usage", 401, 200, 200, (c, id, n) -> c.get("/api/v1/usage")),
                new Platform("GET users", 401, 403, 200, (c, id, n) -> c.get("/api/v1/users")),
                new Platform("GET user", 401, 403, 200, (c, id, n) -> c.get("/api/v1/users/" + other.username())),
                new Platform("GET a user's tokens", 401, 403, 200, (c, id, n) ->
                        c.get("/api/v1/users/" + other.username() + "/tokens")),
                new Platform("disable user (missing)", 401, 403, 404, (c, id, n) ->
                        c.post("/api/v1/users/" + nobody + "/disable", null)),
                new Platform("enable user (missing)", 401, 403, 404, (c, id, n) ->
                        c.post("/api/v1/users/" + nobody + "/enable", null)),
                new Platform("DELETE user (missing)", 401, 403, 404, (c, id, n) -> c.delete("/api/v1/users/" + nobody)),
                new Platform("POST user (taken)", 401, 403, 409, (c, id, n) ->
                        c.post("/api/v1/users", "{\"username\":\"" + other.username() + "\"}")),
                new Platform("GET audit", 401, 403, 200, (c, id, n) -> c.get("/api/v1/audit")),
                new Platform("GET another user's quota", 401, 404, 200, (c, id, n) ->
                        c.get("/api/v1/quotas/users/" + other.username())),
                new Platform("PUT a user's quota", 401, 403, 200, (c, id, n) ->
                        c.put("/api/v1/quotas/users/" + other.username(), "{}")),
                new Platform("DELETE a user's quota", 401, 403, 204, (c, id, n) ->
                        c.delete("/api/v1/quotas/users/" + other.username())),
                new Platform("GET a team's quota (not a member)", 401, 404, 200, (c, id, n) ->
                        c.get("/api/v1/quotas/teams/" + team)),
                new Platform("PUT a team's quota (not a member)", 401, 404, 200, (c, id, n) ->
                        c.put("/api/v1/quotas/teams/" + team, "{}")),
                new Platform("DELETE a team's quota (not a member)", 401, 404, 204, (c, id, n) ->
                        c.delete("/api/v1/quotas/teams/" + team)),
                new Platform("GET teams", 401, 200, 200, (c, id, n) -> c.get("/api/v1/teams")),
                new Platform("POST team (taken)", 401, 409, 409, (c, id, n) ->
                        c.post("/api/v1/teams", "{\"name\":\"" + team + "\"}")),
                new Platform("GET team (not a member)", 401, 404, 200, (c, id, n) -> c.get("/api/v1/teams/" + team)),
                new Platform("PUT team (not a member)", 401, 404, 200, (c, id, n) ->
                        c.put("/api/v1/teams/" + team, "{}")),
                new Platform("PUT member (not a member)", 401, 404, 200, (c, id, n) ->
                        c.put("/api/v1/teams/" + team + "/members/" + third.username(), "{\"role\":\"member\"}")),
                new Platform("DELETE member (not a member)", 401, 404, 204, (c, id, n) ->
                        c.delete("/api/v1/teams/" + team + "/members/" + third.username())),
                new Platform("DELETE team (not a member)", 401, 404, 204, (c, id, n) -> c.delete("/api/v1/teams/" + team)));
        List<String> mismatches = new ArrayList<>();
        for (Platform endpoint : endpoints) {
            check(mismatches, "anonymous", endpoint, endpoint.anonymous(), anonymous());
            check(mismatches, "user", endpoint, endpoint.user(), plain);
            check(mismatches, "admin", endpoint, endpoint.admin(), api());
        }
        assertThat(mismatches).isEmpty();
    }

    private static void check(List<String> mismatches, String who, Platform endpoint, int expected, ApiClient client) {
        Response response = endpoint.request().send(client, null, null);
        if (response.status() != expected) {
            mismatches.add(who + " / " + endpoint.name() + ": expected " + expected + ", got " + response.status()
                    + " " + response.body());
        }
    }

    private static int expected(String level, Endpoint endpoint) {
        if (level == null) {
            return 401;
        }
        if (level.equals("none")) {
            return 404;
        }
        return rank(level) >= rank(endpoint.needs()) ? endpoint.allowed() : 403;
    }

    private static int rank(String level) {
        return List.of("view", "operate", "edit", "admin").indexOf(level) + 1;
    }

    private String ownLab(ApiClient owner) {
        return lab(owner, "");
    }

    private String teamLab(ApiClient maintainer, String team) {
        return lab(maintainer, "?team=" + team);
    }

    private String lab(ApiClient creator, String query) {
        String name = "m-" + UUID.randomUUID().toString().substring(0, 12);
        Response created = creator.post("/api/v1/labs" + query, LAB.formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        labNames.put(id, name);
        return id;
    }

    private static void share(ApiClient owner, String labId, String grants) {
        Response shared = owner.put("/api/v1/labs/" + labId + "/access", "{\"grants\":[" + grants + "]}");
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
    }

    private ApiClient member(ApiClient teamOwner, String team, String role) {
        ApiClient user = api().newUser();
        Response added = teamOwner.put("/api/v1/teams/" + team + "/members/" + user.username(),
                "{\"role\":\"" + role + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        return user;
    }
}
