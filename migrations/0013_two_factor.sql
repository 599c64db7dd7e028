-- Two-factor sign-in and account safety (docs/adr/0012-two-factor.md).
-- users.totp_secret: the TOTP secret in base32 (RFC 6238), set when enrolment starts; it counts
-- only once totp_enabled = 1 (the user proved they hold it with a code). totp_last_step: the
-- last 30-second step whose code was accepted, so that a code is never accepted twice.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- Recovery codes, shown once at enrolment; only their BLAKE2b digest is kept, like tokens.
CREATE TABLE recovery_codes (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  code_digest TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);

-- Sessions get an id (to list and end them one by one), the time they were last used (to the
-- minute) and the browser's User-Agent. A table cannot gain an identity column in place on
-- SQLite, so it is copied: open sessions survive the upgrade.
CREATE TABLE sessions_with_id (
  id {{id}},
  token_digest TEXT NOT NULL UNIQUE,  -- BLAKE2b of the cookie value; the value itself is never stored
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  user_agent TEXT
);
INSERT INTO sessions_with_id (token_digest, user_id, csrf_token, created_at, expires_at, last_used_at)
  SELECT token_digest, user_id, csrf_token, created_at, expires_at, created_at FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_with_id RENAME TO sessions;
CREATE INDEX sessions_by_user ON sessions (user_id);
