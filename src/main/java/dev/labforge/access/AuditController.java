package dev.labforge.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.api.Forbidden;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "audit", description = "Who did what to which lab, team or user, when, with which credential")
class AuditController {

    static final int MAX_LIMIT = 1000;

    @Schema(name = "AuditEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(long id, Instant at, UUID actorId, String actor,
                 @Schema(description = "token:<id> for an API token, oidc:<issuer>#<token id> for single sign-on")
                 String credential, String action, String targetKind, String targetId, String targetName,
                 JsonNode detail) {
    }

    @Schema(name = "AuditPage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<Entry> items,
                @Schema(description = "the next (older) page, absent on the last") String next) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/v1/audit")
    @Operation(operationId = "queryAudit", summary = "The audit log, newest first (administrators)",
            description = "Every recorded action on labs, teams, memberships, quotas, tokens, users and images, with "
                    + "who did it, when, with which credential and what changed, newest first. Filters combine; "
                    + "`action` ending in a dot selects a family (`lab.`). A full page links the next, older one in "
                    + "`next`. Only administrators may read it.")
    Page query(Caller caller,
               @Parameter(description = "only entries by this username") @RequestParam(required = false) String actor,
               @Parameter(description = "only this action (lab.start) or family (lab.)")
               @RequestParam(required = false) String action,
               @Parameter(description = "lab, team, user or image") @RequestParam(required = false) String targetKind,
               @Parameter(description = "only entries about this lab, team, user or image id")
               @RequestParam(required = false) String targetId,
               @Parameter(description = "ISO-8601 instant") @RequestParam(required = false) String since,
               @Parameter(description = "ISO-8601 instant") @RequestParam(required = false) String until,
               @Parameter(description = "entries with an id below this (paging)")
               @RequestParam(required = false) Long before,
               @RequestParam(defaultValue = "100") int limit) {
        if (!caller.admin()) {
            throw new Forbidden("only administrators read the audit log");
        }
        List<InvalidField> errors = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(InvalidField.parameter("limit", "must be between 1 and " + MAX_LIMIT));
        }
        Instant from = instant("since", since, errors);
        Instant to = instant("until", until, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest("invalid audit query", errors);
        }
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        filter(where, params, "actor_name = :actor", "actor", actor);
        if (action != null) {
            where.append(action.endsWith(".") ? " and starts_with(action, :action)" : " and action = :action");
            params.put("action", action);
        }
        filter(where, params, "target_kind = :targetKind", "targetKind", targetKind);
        filter(where, params, "target_id = :targetId", "targetId", targetId);
        filter(where, params, "at >= :since", "since", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        filter(where, params, "at < :until", "until", to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        filter(where, params, "id < :before", "before", before);
        params.put("limit", limit + 1);
        List<Entry> entries = jdbc.sql("select id, at, actor_id, actor_name, credential, action, target_kind,"
                        + " target_id, target_name, detail::text from audit_log where " + where
                        + " order by id desc limit :limit")
                .params(params)
                .query((rs, row) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), json.readTree(rs.getString(10))))
                .list();
        String next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            var uri = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("before", entries.getLast().id()).build();
            next = uri.getPath() + "?" + uri.getQuery();
        }
        return new Page(entries, next);
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String condition, String name,
                               Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
    }

    private static Instant instant(String name, String value, List<InvalidField> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(InvalidField.parameter(name, "an ISO-8601 instant such as 2026-11-25T10:00:00Z"));
            return null;
        }
    }
}
