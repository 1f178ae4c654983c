package dev.labforge.access;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import dev.labforge.access.token.TokenAuthenticator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For requests that outlive their start (an event stream): whether the credential a caller authenticated with
 * still holds. Each request is authenticated when it arrives; a stream that runs for half an hour must ask
 * again, or a revoked token, a disabled user or a removed admin flag would keep it going.
 */
@Component
public class Credentials {

    private final TokenAuthenticator tokens;
    private final Sessions sessions;
    private final JdbcClient jdbc;
    private final Clock clock;

    Credentials(TokenAuthenticator tokens, Sessions sessions, JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The caller as they stand now, with the admin flag as it is now: empty once their API token is revoked or
     * expired, their single sign-on token expired, their web session ended, or their user disabled or deleted. One statement.
     */
    public Optional<Caller> current(Caller caller) {
        if (Sessions.isSession(caller)) {
            return sessions.recheck(caller); // signed out, or its token revoked, or its user disabled
        }
        Optional<UUID> apiToken = caller.apiTokenId();
        if (apiToken.isPresent()) {
            return tokens.recheck(apiToken.get());
        }
        if (caller.expiredAt(clock.instant())) {
            return Optional.empty();
        }
        return jdbc.sql("select username, admin from users where id = ? and disabled_at is null")
                .param(caller.userId())
                .query((rs, row) -> new Caller(caller.userId(), rs.getString(1), rs.getBoolean(2), caller.credential(),
                        caller.expiresAt()))
                .optional();
    }
}
