-- Short-lived, single-use tickets that let a browser open a node's console: browsers cannot send
-- Authorization on a WebSocket, so the bearer token buys a ticket and the ticket opens the socket.
-- Kept here, not in memory, so that any replica can redeem a ticket another one issued. Only a SHA-256
-- hash of each ticket is kept (256 random bits: nothing to gain from a slow hash).
CREATE TABLE console_tickets (
    ticket_hash           bytea       PRIMARY KEY,
    user_id               uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- the credential the ticket was bought with (token:<id> or oidc:...): an open console ends when it does
    credential            text        NOT NULL,
    credential_expires_at timestamptz,
    lab_id                uuid        NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    node                  text        NOT NULL,
    kind                  text        NOT NULL CHECK (kind IN ('serial', 'vnc')),
    expires_at            timestamptz NOT NULL,
    -- set once, by the redeeming update: what makes a ticket single-use on every replica
    redeemed_at           timestamptz
);
-- issuing sweeps tickets long expired
CREATE INDEX console_tickets_expiry ON console_tickets (expires_at);
