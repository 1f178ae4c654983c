-- Sessions of the web page: a browser signs in once (with an API token, later single sign-on) and carries a cookie.
-- Kept here, not in a replica's memory, so that a sign-out on one replica ends the session on all of them; every
-- request reads its row joined to its token and user, so a revoked token or a disabled user ends it at once too.
-- Only a SHA-256 hash of the cookie's secret is kept (256 random bits: a slow hash buys nothing).
CREATE TABLE web_sessions (
    id          uuid        PRIMARY KEY,
    secret_hash bytea       NOT NULL,
    -- the synchronizer token every state-changing request from the page must echo (form field or header); it is
    -- written into the page, never into a cookie, so a forged cross-site request cannot know it
    csrf_token  text        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the API token signed in with: revoking it ends the session (null for a single sign-on session)
    token_id    uuid        REFERENCES api_tokens (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    -- absolute end; a session is not stretched by use
    expires_at  timestamptz NOT NULL,
    CONSTRAINT web_sessions_secret_unique UNIQUE (secret_hash)
);
CREATE INDEX web_sessions_user ON web_sessions (user_id);
CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
