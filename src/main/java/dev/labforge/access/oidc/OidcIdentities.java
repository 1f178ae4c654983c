package dev.labforge.access.oidc;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.token.TokenAuthenticator;
import dev.labforge.api.Unauthenticated;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single sign-on users, known by their provider's issuer and subject. A subject seen for the first time
 * gets a new user. An existing user is never linked by name: whoever controls that name at the provider
 * would take over the LabForge account of the same name.
 */
@Component
class OidcIdentities {

    /** The user behind a subject, as stored now. */
    record Account(UUID userId, String username, boolean admin, boolean disabled) {
    }

    private record Known(Account account, Instant lastSeen) {
    }

    private static final Logger log = LoggerFactory.getLogger(OidcIdentities.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Duration lastSeenPeriod;
    private final Clock clock;

    OidcIdentities(JdbcClient jdbc, TransactionTemplate transaction, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.lastSeenPeriod = TokenAuthenticator.LAST_USED_RESOLUTION;
    }

    /** The token's user, created on first sight; a name taken by another account is refused. */
    Account resolve(OidcToken token) {
        Optional<Known> known = find(token);
        if (known.isPresent()) {
            touch(token, known.get().lastSeen());
            return known.get().account();
        }
        if (token.username() == null) {
            throw new Unauthenticated("the token offers no usable user name in its claims");
        }
        Optional<Account> created = transaction.execute(status -> create(token, status));
        if (created.isPresent()) {
            log.info("single sign-on: created user '{}' for subject '{}' of {}", token.username(), token.subject(),
                    token.issuer());
            return created.get();
        }
        // either a concurrent first request for this subject won (and its user is found now), or the name is someone else's
        return find(token).map(Known::account).orElseThrow(() -> new Unauthenticated("the user name '"
                + token.username() + "' already belongs to another LabForge account, which is never taken over"
                + " by single sign-on; an administrator must resolve the clash"));
    }

    private Optional<Known> find(OidcToken token) {
        return jdbc.sql("""
                        select u.id, u.username, u.admin, u.disabled_at is not null, i.last_seen
                        from user_identities i join users u on u.id = i.user_id
                        where i.issuer = ? and i.subject = ?""")
                .params(token.issuer(), token.subject())
                .query((rs, row) -> {
                    OffsetDateTime lastSeen = rs.getObject(5, OffsetDateTime.class);
                    return new Known(new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                            rs.getBoolean(4)), lastSeen == null ? null : lastSeen.toInstant());
                })
                .optional();
    }

    /** Inserts that meet an existing row do nothing, so a lost race shows as a count of 0 and rolls back. */
    private Optional<Account> create(OidcToken token, TransactionStatus status) {
        UUID id = UUID.randomUUID();
        int users = jdbc.sql("insert into users (id, username, display_name) values (?, ?, ?) on conflict do nothing")
                .params(id, token.username(), token.displayName()).update();
        if (users == 0) {
            return Optional.empty();
        }
        int identities = jdbc.sql("""
                        insert into user_identities (issuer, subject, user_id, last_seen) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(token.issuer(), token.subject(), id, clock.instant().atOffset(ZoneOffset.UTC)).update();
        if (identities == 0) {
            status.setRollbackOnly();
            return Optional.empty();
        }
        // the new user is its own actor: nobody else asked for it
        audit.record(new Caller(id, token.username(), false, token.credential(), token.expiresAt()), "user.create",
                AuditLog.Target.user(id, token.username()),
                Map.of("admin", false, "issuer", token.issuer(), "subject", token.subject()));
        return Optional.of(new Account(id, token.username(), false, false));
    }

    /** At most one write per period and user, however many tokens and replicas they use. */
    private void touch(OidcToken token, Instant lastSeen) {
        Instant now = clock.instant();
        if (lastSeen != null && lastSeen.isAfter(now.minus(lastSeenPeriod))) {
            return;
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        update user_identities set last_seen = ?
                        where issuer = ? and subject = ? and (last_seen is null or last_seen < ?)""")
                .params(at, token.issuer(), token.subject(), at.minus(lastSeenPeriod)).update();
    }
}
