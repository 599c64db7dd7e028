-- API tokens may end and may be limited to reading (docs/adr/0003-security.md).
-- expires_on: the last day (YYYY-MM-DD, the agency's calendar day) the token authenticates; NULL: it never expires.
-- read_only: 1 when the token may only read (GET and HEAD); writes answer 403.
-- The users table already carries version, which PATCH /api/v1/me now checks with If-Match.
ALTER TABLE api_tokens ADD COLUMN expires_on TEXT;
ALTER TABLE api_tokens ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;
-- Revoking a user's tokens after a password change finds them by owner.
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
