-- Single sign-on in the web page: an authorization code flow started by a browser and not finished yet. Kept here,
-- not in a replica's memory, so that the provider may send the browser back to any replica. A row is deleted by the
-- first callback that names it, whatever comes of it, so a replayed callback finds nothing.
CREATE TABLE web_sign_ins (
    -- SHA-256 of the state parameter sent to the provider (256 random bits)
    state_hash    bytea       PRIMARY KEY,
    -- SHA-256 of the secret in the cookie of the browser that started the flow: a callback from another browser
    -- (an attacker's code planted in a victim's browser) is refused
    browser_hash  bytea       NOT NULL,
    -- the ID token must carry it back (replay of an ID token)
    nonce         text        NOT NULL,
    -- PKCE: sent with the code to the provider's token endpoint; only its S256 hash went through the browser
    code_verifier text        NOT NULL,
    redirect_uri  text        NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX web_sign_ins_expiry ON web_sign_ins (expires_at);
