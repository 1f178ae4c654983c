package dev.labforge.lab;

import dev.labforge.access.Caller;
import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import dev.labforge.api.Forbidden;
import dev.labforge.database.RoundTrip;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a lab: the one place that decides. A caller's permission is the highest of
 * owning it (admin), belonging to the team that owns it (owners and maintainers: admin; members:
 * view), and grants to them or to a team of theirs. Owning a lab charged to a course gives nothing: a
 * student's course lab is theirs, but what they may do with it is their grant (edit). Administrators
 * have admin on every lab. A lab
 * the caller may not see answers 404 exactly like a lab that does not exist.
 */
@Component
class LabAccess {

    /** The teams the caller {@code :u} is in. */
    private static final String MY_TEAMS = myTeams(":u");

    /** The caller's rank (0 = none, 1 = view ... 4 = admin) on lab row {@code l}. */
    private static final String RANK = rank(":u");

    /** The same, for the caller given as column {@code me.u}. */
    private static final String MY_RANK = rank("me.u");

    /** Labs the caller reaches in any way. */
    private static final String REACHABLE = """
            (l.owner_id = :u or l.owner_team_id in %1$s
             or l.id in (select g.lab_id from lab_grants g where g.user_id = :u or g.team_id in %1$s))"""
            .formatted(MY_TEAMS);

    /** Labs the caller or one of their teams owns; never NULL (team labs have no owner_id). */
    private static final String MINE = "coalesce(l.owner_id = :u or l.owner_team_id in %s, false)"
            .formatted(MY_TEAMS);

    private static final TopologyJsonConverter TOPOLOGY = new TopologyJsonConverter();

    /** The teams of the user {@code u} (an SQL expression). */
    private static String myTeams(String u) {
        return "(select m.team_id from team_members m where m.user_id = " + u + ")";
    }

    /** The rank of the user {@code u} (an SQL expression) on lab row {@code l}. */
    private static String rank(String u) {
        // an owner's labs are the most of a list and rank 4 whatever else holds: CASE evaluates its ELSE only when
        // needed, where greatest() would run both subqueries for every row
        return """
                case when l.owner_id = %1$s and l.charged_to is null then 4 else greatest(
                  coalesce((select case m.role when 'member' then 1 else 4 end from team_members m
                            where m.team_id = l.owner_team_id and m.user_id = %1$s), 0),
                  coalesce((select max(g.rank) from lab_grants g
                            where g.lab_id = l.id and (g.user_id = %1$s or g.team_id in %2$s)), 0)) end"""
                .formatted(u, myTeams(u));
    }

    /** Which labs a list shows. */
    enum Scope {
        /** Every lab the caller may see. */
        ALL,
        /** Labs owned by the caller or by one of their teams. */
        OWNED,
        /** Labs others shared with the caller or their teams. */
        SHARED
    }

    record Granted(Lab lab, Permission permission) {
    }

    /**
     * A lab as a read answers with it: the caller's permission, the owner's name, and what the statements sent with
     * the read answered.
     */
    record Shown(Lab lab, Permission permission, LabView.OwnerView owner, RoundTrip.Answers alongside) {
    }

    record Listed(LabSummary lab, Permission permission) {
    }

    /** What {@link #restore} reads, in its order. */
    private static final String COLUMNS = "select l.id, l.owner_id, l.owner_team_id, l.name, l.description,"
            + " l.topology::text, l.version, l.created_at, l.updated_at";

    private final LabRepository labs;
    private final JdbcClient jdbc;
    private final JdbcOperations statements;

    LabAccess(LabRepository labs, JdbcClient jdbc, JdbcOperations statements) {
        this.labs = labs;
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /**
     * The lab for reading, with the caller's permission, if it is at least {@code needed}. Reads
     * are the hottest path: one SQL round trip, no ORM session; the lab is detached and never saved.
     */
    Granted read(Caller caller, UUID id, Permission needed) {
        Shown shown = show(caller, id, needed, List.of());
        return new Granted(shown.lab(), shown.permission());
    }

    /**
     * {@link #read}, with the owner's name, and with {@code alongside} sent in the same round trip after the lab's
     * read (whatever the caller may see: their answers are for the caller to use only once this returned).
     */
    Shown show(Caller caller, UUID id, Permission needed, List<? extends RoundTrip.Statement<?>> alongside) {
        var read = RoundTrip.query(COLUMNS + ", " + (caller.admin() ? "4" : MY_RANK) + ","
                + " (select u.username from users u where u.id = l.owner_id),"
                + " (select t.name from teams t where t.id = l.owner_team_id)"
                + " from labs l cross join (select cast(? as uuid) as u) me where l.id = ?",
                rs -> rs.next() ? Optional.of(shown(rs)) : Optional.<Shown>empty(), caller.userId(), id);
        List<RoundTrip.Statement<?>> statements = new ArrayList<>();
        statements.add(read);
        statements.addAll(alongside);
        RoundTrip.Answers answers = RoundTrip.run(this.statements, statements);
        Shown shown = answers.of(read).filter(s -> s.permission() != null).orElseThrow(() -> new LabNotFound(id));
        require(shown.permission(), needed, id);
        return new Shown(shown.lab(), shown.permission(), shown.owner(), answers);
    }

    private static Shown shown(ResultSet rs) throws SQLException {
        Lab lab = restore(rs);
        Owner owner = lab.owner();
        String name = rs.getString(owner.kind() == Owner.Kind.USER ? 11 : 12);
        return new Shown(lab, Permission.ofRank(rs.getInt(10)).orElse(null),
                new LabView.OwnerView(owner.kind(), owner.id(), name), null);
    }

    /** The lab, for the service's own use (no caller, no permission): one SQL round trip, detached. */
    Optional<Lab> find(UUID id) {
        return jdbc.sql(COLUMNS + " from labs l where l.id = :id").param("id", id)
                .query((rs, row) -> restore(rs)).optional();
    }

    /**
     * The lab for changing: a managed entity, loaded under the row's lock so that concurrent changes
     * queue instead of failing. Without the lock two unconditional PUTs read the same version and the
     * later one fails its optimistic check, a 412 for a precondition nobody sent. With it, an
     * If-Match compares against the version that will really be overwritten. "No key update" is the
     * lock an update takes anyway: it lets runtime and event rows keep referencing the lab meanwhile.
     */
    Granted change(Caller caller, UUID id, Permission needed) {
        Permission permission = permission(caller, id);
        require(permission, needed, id);
        if (!lockForEdit(id)) {
            throw new LabNotFound(id);
        }
        return new Granted(labs.findById(id).orElseThrow(() -> new LabNotFound(id)), permission);
    }

    /** Takes the lab's row lock as an edit does ("no key update"); false if there is no such lab. */
    boolean lockForEdit(UUID id) {
        return jdbc.sql("select id from labs where id = ? for no key update").param(id).query(UUID.class).optional()
                .isPresent();
    }

    /** The caller's permission on the lab; a not-found problem if they have none. */
    Permission permission(Caller caller, UUID id) {
        return permissionIfAny(caller, id).orElseThrow(() -> new LabNotFound(id));
    }

    /** The caller's permission on the lab; empty alike when there is no such lab and when they have none. */
    Optional<Permission> permissionIfAny(Caller caller, UUID id) {
        return jdbc.sql("select " + rank(caller) + " from labs l where l.id = :id")
                .param("id", id).param("u", caller.userId())
                .query(Integer.class).optional().flatMap(Permission::ofRank);
    }

    List<Listed> list(Caller caller, Scope scope, String nameContains, int page, int size) {
        return jdbc.sql(listStatement(caller, scope)).params(params(caller, nameContains)).param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new Listed(summary(rs), Permission.ofRank(rs.getInt(12)).orElseThrow()))
                .list();
    }

    /**
     * What {@link #list} runs, with parameters {@link #params}, {@code :size} and {@code :offset}; the web pages
     * benchmark reads its plan at 500 labs (EXPLAIN ANALYZE).
     */
    static String listStatement(Caller caller, Scope scope) {
        return "select l.id, l.owner_id, l.owner_team_id, l.name, l.description, l.node_count, l.link_count,"
                + " l.version, l.segment_count, l.created_at, l.updated_at, " + rank(caller) + " as rank"
                + " from labs l where " + filter(caller, scope)
                + " order by l.created_at desc, l.id limit :size offset :offset";
    }

    long count(Caller caller, Scope scope, String nameContains) {
        return jdbc.sql("select count(*) from labs l where " + filter(caller, scope))
                .params(params(caller, nameContains)).query(Long.class).single();
    }

    /**
     * The labs the caller reaches (owned, their teams', granted to them or a team of theirs), whether admin or not;
     * only among {@code among} when given.
     */
    java.util.Set<UUID> reachable(Caller caller, java.util.Collection<UUID> among) {
        String sql = "select l.id from labs l where " + REACHABLE + (among == null ? "" : " and l.id = any (:ids)");
        var statement = jdbc.sql(sql).param("u", caller.userId());
        if (among != null) {
            statement = statement.param("ids", among.toArray(UUID[]::new));
        }
        return new java.util.HashSet<>(statement.query(UUID.class).list());
    }

    private static String rank(Caller caller) {
        return caller.admin() ? "4" : RANK;
    }

    private static String filter(Caller caller, Scope scope) {
        String reach = switch (scope) {
            case ALL -> caller.admin() ? "true" : REACHABLE;
            case OWNED -> MINE;
            case SHARED -> "(not " + MINE + " and " + REACHABLE + ")";
        };
        return reach + " and (:name = '' or strpos(lower(l.name), lower(:name)) > 0)";
    }

    static Map<String, Object> params(Caller caller, String nameContains) {
        return Map.of("u", caller.userId(), "name", nameContains == null ? "" : nameContains);
    }

    private static void require(Permission permission, Permission needed, UUID id) {
        if (!permission.includes(needed)) {
            throw new Forbidden("you have " + permission.label() + " access to lab " + id + "; this needs "
                    + needed.label());
        }
    }

    private static Owner owner(ResultSet rs, int userColumn) throws SQLException {
        UUID team = rs.getObject(userColumn + 1, UUID.class);
        return team != null ? Owner.team(team) : Owner.user(rs.getObject(userColumn, UUID.class));
    }

    private static Lab restore(ResultSet rs) throws SQLException {
        return Lab.restore(rs.getObject(1, UUID.class), owner(rs, 2), rs.getString(4), rs.getString(5),
                TOPOLOGY.convertToEntityAttribute(rs.getString(6)), rs.getLong(7), instant(rs, 8), instant(rs, 9));
    }

    private static LabSummary summary(ResultSet rs) throws SQLException {
        return new LabSummary(rs.getObject(1, UUID.class), owner(rs, 2), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), rs.getInt(9), rs.getLong(8), instant(rs, 10), instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
