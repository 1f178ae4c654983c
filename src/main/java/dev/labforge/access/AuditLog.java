package dev.labforge.access;

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

    public void record(Caller caller, String action, Target target, Map<String, ?> detail) {
        jdbc.sql("insert into audit_log (actor_id, actor_name, credential, action, target_kind, target_id,"
                        + " target_name, detail) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)")
                .params(caller.userId(), caller.username(), caller.credential(), action, target.kind(), target.id(),
                        target.name(), json.writeValueAsString(detail))
                .update();
    }

    public void record(Caller caller, String action, Target target) {
        record(caller, action, target, Map.of());
    }
}
