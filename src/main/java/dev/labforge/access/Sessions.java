package dev.labforge.access;

import dev.labforge.access.token.TokenAuthenticator;
import dev.labforge.access.token.TokenSecret;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions of the web page, held in PostgreSQL. A browser signs in once with an API token and then carries only the
 * session's cookie. Every request reads the session joined to its token and user, as {@link TokenAuthenticator} does
 * for a bearer token, so a sign-out, a revoked token or a disabled user ends the session on every replica with the
 * next request, and open streams and consoles through {@link Credentials}.
 */
@Component
public class Sessions {

    /** The cookie that carries the session's secret. */
    public static final String COOKIE = "labforge_session";
    /** A session ends this long after sign-in, whatever its use: a working day. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private static final String PREFIX = "session:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String LIVE = """
            select s.id, s.csrf_token, s.expires_at, t.expires_at, u.id, u.username, u.admin
            from web_sessions s join users u on u.id = s.user_id left join api_tokens t on t.id = s.token_id
            where u.disabled_at is null and (s.token_id is null or t.id is not null)""";

    /** A signed-in browser: who, and the token its page must echo on every change. */
    public record Session(UUID id, Caller caller, String csrfToken) {

        /** Whether {@code presented} is this session's CSRF token, compared in constant time. */
        public boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    csrfToken.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A session just opened, with the secret for the cookie (never stored). */
    public record Opened(Session session, String secret, Instant expiresAt) {
    }

    private static final RowMapper<Session> ROW = (rs, row) -> {
        Instant sessionEnd = rs.getObject(3, OffsetDateTime.class).toInstant();
        OffsetDateTime tokenEnd = rs.getObject(4, OffsetDateTime.class);
        Instant end = tokenEnd != null && tokenEnd.toInstant().isBefore(sessionEnd) ? tokenEnd.toInstant() : sessionEnd;
        UUID id = rs.getObject(1, UUID.class);
        return new Session(id, new Caller(rs.getObject(5, UUID.class), rs.getString(6), rs.getBoolean(7),
                PREFIX + id, end), rs.getString(2));
    };

    private final JdbcClient jdbc;
    private final TokenAuthenticator tokens;
    private final AuditLog audit;
    private final Clock clock;

    @Autowired
    Sessions(JdbcClient jdbc, TokenAuthenticator tokens, AuditLog audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Signs in with an API token: empty when the token is unknown, revoked or expired.
     *
     * @throws AccountDisabled when the token is good but its user is disabled
     */
    @Transactional
    public Optional<Opened> open(String apiToken) {
        Optional<Caller> holder = tokens.authenticate(apiToken == null ? null : apiToken.trim());
        if (holder.isEmpty() || holder.get().apiTokenId().isEmpty()
                || !tokens.holdForTransaction(holder.get().apiTokenId().get())) {
            return Optional.empty();
        }
        Caller signedIn = holder.get();
        Instant now = clock.instant();
        Instant end = now.plus(LIFETIME);
        UUID id = UUID.randomUUID();
        String secret = random();
        String csrf = random();
        jdbc.sql("delete from web_sessions where expires_at < ?").param(utc(now)).update();
        jdbc.sql("""
                        insert into web_sessions (id, secret_hash, csrf_token, user_id, token_id, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, new TokenSecret(secret).hash(), csrf, signedIn.userId(), signedIn.apiTokenId().get(),
                        utc(now), utc(end))
                .update();
        Caller caller = new Caller(signedIn.userId(), signedIn.username(), signedIn.admin(), PREFIX + id,
                signedIn.expiresAt() != null && signedIn.expiresAt().isBefore(end) ? signedIn.expiresAt() : end);
        audit.record(caller, "session.open", AuditLog.Target.user(signedIn.userId(), signedIn.username()));
        return Optional.of(new Opened(new Session(id, caller, csrf), secret, end));
    }

    /**
     * Signs in a user the identity provider vouched for (the web page's single sign-on): the session has no API token,
     * and ends with its lifetime, a sign-out or the user's disabling.
     */
    @Transactional
    public Opened openSingleSignOn(Caller user) {
        Instant now = clock.instant();
        Instant end = now.plus(LIFETIME);
        UUID id = UUID.randomUUID();
        String secret = random();
        String csrf = random();
        jdbc.sql("delete from web_sessions where expires_at < ?").param(utc(now)).update();
        jdbc.sql("""
                        insert into web_sessions (id, secret_hash, csrf_token, user_id, token_id, created_at, expires_at)
                        values (?, ?, ?, ?, null, ?, ?)""")
                .params(id, new TokenSecret(secret).hash(), csrf, user.userId(), utc(now), utc(end))
                .update();
        Caller caller = new Caller(user.userId(), user.username(), user.admin(), PREFIX + id, end);
        audit.record(caller, "session.open", AuditLog.Target.user(user.userId(), user.username()),
                java.util.Map.of("via", "single sign-on"));
        return new Opened(new Session(id, caller, csrf), secret, end);
    }

    /** The session behind a cookie's secret as it stands now: empty once signed out, expired, revoked or disabled. */
    public Optional<Session> find(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 200) {
            return Optional.empty();
        }
        return live("s.secret_hash = ?", new TokenSecret(secret).hash());
    }

    /** The session secret a request's cookie carries, if any. */
    public static Optional<String> secret(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Signs out: the session's row goes, so every replica refuses its cookie from now on. */
    public void close(Session session) {
        jdbc.sql("delete from web_sessions where id = ?").param(session.id()).update();
    }

    /** A session caller as it stands now (for {@link Credentials}); empty for other callers' credentials. */
    Optional<Caller> recheck(Caller caller) {
        return sessionId(caller).flatMap(id -> live("s.id = ?", id)).map(Session::caller);
    }

    static boolean isSession(Caller caller) {
        return caller.credential().startsWith(PREFIX);
    }

    private static Optional<UUID> sessionId(Caller caller) {
        return isSession(caller) ? Optional.of(UUID.fromString(caller.credential().substring(PREFIX.length())))
                : Optional.empty();
    }

    private Optional<Session> live(String where, Object key) {
        Instant now = clock.instant();
        return jdbc.sql(LIVE + " and " + where).param(key).query(ROW).optional()
                .filter(session -> !session.caller().expiredAt(now));
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
