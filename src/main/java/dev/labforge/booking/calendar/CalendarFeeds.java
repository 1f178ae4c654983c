package dev.labforge.booking.calendar;

import dev.labforge.booking.capacity.CapacityLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calendar_feeds table: one secret feed URL per user. Calendar apps cannot send an Authorization
 * header, so the secret in the URL is the credential; only its SHA-256 is stored, as for API tokens.
 */
@Component
class CalendarFeeds {

    /** Marks the secret for what it is in a log line or a leak report; 256 random bits follow. */
    static final String PREFIX = "lfcal_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new secret for the user, replacing (and so revoking) the one they had. */
    String renew(UUID userId, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into calendar_feeds (user_id, secret_hash, created_at) values (?, ?, ?)
                        on conflict (user_id) do update set secret_hash = excluded.secret_hash,
                            created_at = excluded.created_at""")
                .params(userId, hash(secret), CapacityLedger.utc(now)).update();
        return secret;
    }

    /** @return whether there was a feed to revoke */
    boolean revoke(UUID userId) {
        return jdbc.sql("delete from calendar_feeds where user_id = ?").param(userId).update() > 0;
    }

    Optional<Instant> createdAt(UUID userId) {
        return jdbc.sql("select created_at from calendar_feeds where user_id = ?").param(userId)
                .query(java.time.OffsetDateTime.class).optional().map(java.time.OffsetDateTime::toInstant);
    }

    /** The user whose feed this secret is, if it is one now. */
    Optional<UUID> owner(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select user_id from calendar_feeds where secret_hash = ?").param(hash(secret))
                .query(UUID.class).optional();
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
