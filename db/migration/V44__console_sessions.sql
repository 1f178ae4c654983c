-- The console sockets open in every replica, a row each, so that labforge.console.max-sessions-per-user holds for
-- the whole service and not once per replica. A row is inserted before its socket joins a console (under the user's
-- advisory lock, after counting theirs) and deleted when the socket closes. A replica renews the rows it holds on a
-- heartbeat; one that dies stops renewing, and its rows stop counting once expires_at has passed.
CREATE TABLE console_sessions (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL,
    -- the replica holding the socket (a random id per process): whose heartbeat keeps the row alive
    replica     uuid        NOT NULL,
    opened_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (user_id, expires_at);
CREATE INDEX console_sessions_replica ON console_sessions (replica);
