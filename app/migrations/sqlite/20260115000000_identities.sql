-- Signing in with SPID and CIE (OpenID Connect): the identities linked to an
-- account, the sign-ins under way, and what a provider sent about a person
-- who has not yet made an account from it.

CREATE TABLE identities (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    -- Upper case, without SPID's TINIT- prefix.
    fiscal_code TEXT,
    linked_at   INTEGER NOT NULL,
    UNIQUE (provider, subject)
);
CREATE INDEX identities_by_user ON identities (user_id);
CREATE INDEX identities_by_fiscal_code ON identities (fiscal_code);

-- One row per trip to a provider, used once by its return: the state (hashed),
-- the browser that started it (hashed cookie), the PKCE verifier and nonce.
CREATE TABLE sign_in_requests (
    state_hash    TEXT PRIMARY KEY NOT NULL,
    browser_hash  TEXT NOT NULL,
    provider      TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);

-- A first sign-in waits here (15 minutes) for the person's consent.
CREATE TABLE pending_identities (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    provider    TEXT NOT NULL,
    subject     TEXT NOT NULL,
    fiscal_code TEXT,
    given_name  TEXT,
    family_name TEXT,
    email       TEXT,
    id_token    TEXT NOT NULL,
    expires_at  INTEGER NOT NULL
);

-- Sessions opened through a provider: the ID token that ends the provider's
-- session too at sign-out.
CREATE TABLE identity_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
    provider   TEXT NOT NULL,
    id_token   TEXT NOT NULL
);
