package dev.labforge.access;

import dev.labforge.database.RoundTrip;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of who did what. Entries are written in the caller's transaction, so an
 * action and its entry commit or roll back together; the table refuses updates and deletes.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What an entry is about. */
    public record Target(String kind, String id, String name) {

        public static Target lab(UUID id, String name) {
            return new Target("lab", id.toString(), name);
        }

        public static Target team(Team team) {
            return new Target("team", team.id().toString(), team.name());
        }

        public static Target user(UUID id, String username) {
            return new Target("user", id.toString(), username);
        }
    }

    private static final String INSERT = "insert into audit_log (actor_id, actor_name, credential, action, target_kind,"
            + " target_id, target_name, detail) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

    public void record(Caller caller, String action, Target target, Map<String, ?> detail) {
        RoundTrip.Statement<Integer> entry = entry(caller, action, target, detail);
        jdbc.sql(entry.sql()).params(entry.params()).update();
    }

    /**
     * The entry's insert, for a caller that sends it in one round trip with the write it records
     * ({@link RoundTrip}); it must run in that write's transaction, like {@link #record}.
     */
    public RoundTrip.Statement<Integer> entry(Caller caller, String action, Target target, Map<String, ?> detail) {
        return RoundTrip.update(INSERT, caller.userId(), caller.username(), caller.credential(), action, target.kind(),
                target.id(), target.name(), json.writeValueAsString(detail));
    }

    public void record(Caller caller, String action, Target target) {
        record(caller, action, target, Map.of());
    }
}
