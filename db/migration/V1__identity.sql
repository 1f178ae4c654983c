-- People and the personal API tokens they authenticate with.
CREATE TABLE users (
    id           uuid        PRIMARY KEY,
    username     text        NOT NULL,
    display_name text,
    admin        boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_username_unique UNIQUE (username),
    CONSTRAINT users_username_format CHECK (username ~ '^[a-z0-9]([-a-z0-9._]{0,61}[a-z0-9])?$')
);

-- Only a SHA-256 hash of each token is kept: tokens are 190+ bits of randomness, so a slow
-- password hash buys nothing and would cost every request.
CREATE TABLE api_tokens (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   bytea       NOT NULL,
    token_prefix text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash)
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
