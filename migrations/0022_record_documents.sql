-- The documents of agreements (signed copy, annexes, amendments), joint commission sessions
-- (minutes, agenda, annexes) and multilateral engagements (notifications, statements,
-- reports): the same documents as an action's (0010), kept the same way, on a shelf shared by
-- these owners and keyed by (owner_kind, owner_id). docs/adr/0017-documents-of-any-record.md
-- says why an action's documents stay where they are.
-- owner_id names a row of the owner kind's table; none of those records is ever deleted, and
-- the documents area checks the owner exists before a document is written.

CREATE TABLE record_documents (
  id {{id}},
  owner_kind TEXT NOT NULL,         -- agreement | joint_commission | engagement
  owner_id BIGINT NOT NULL,         -- agreements.id | joint_commission_sessions.id | engagements.id
  kind TEXT NOT NULL,               -- by owner kind: see src/areas/documents/document.hpp
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,         -- decided by the server from the file's extension and checked against its bytes
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,             -- hex
  audience TEXT NOT NULL,           -- staff | focal_points (also the focal points who read the owner record)
  uploaded_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX record_documents_by_owner ON record_documents (owner_kind, owner_id, created_at);

CREATE TABLE record_document_contents (
  document_id BIGINT PRIMARY KEY REFERENCES record_documents (id) ON DELETE CASCADE,
  content {{blob}} NOT NULL
);
