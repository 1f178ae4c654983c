-- A secret calendar feed URL per user: calendar apps cannot send an Authorization header, so the URL itself
-- is the credential. Only the SHA-256 of the secret is stored; a new feed replaces the old one (which stops
-- working at once), and deleting it revokes it.
CREATE TABLE calendar_feeds (
    user_id     uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT calendar_feeds_secret_unique UNIQUE (secret_hash)
);
