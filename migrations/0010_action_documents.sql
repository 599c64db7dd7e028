-- The documents of an action: programme, invitation letters, attendance sheets, reports,
-- invoices, photographs... Their bytes live in the database, beside the action, so that one
-- transaction writes a document with its audit entry and one backup holds everything.
-- The bytes have a table of their own: listing an action's documents never reads them.

CREATE TABLE action_documents (
  id {{id}},
  action_id BIGINT NOT NULL REFERENCES actions (id),
  kind TEXT NOT NULL,               -- programme | invitation | participant_list | attendance_sheet | report | agreement | invoice | photo | other
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,         -- decided by the server from the file's extension and checked against its bytes
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,             -- hex; lets anyone check a downloaded copy
  audience TEXT NOT NULL,           -- staff | focal_points (also the action's host and partner focal points)
  uploaded_by BIGINT REFERENCES users (id),  -- empty when written from the command line
  created_at TEXT NOT NULL
);
CREATE INDEX action_documents_by_action ON action_documents (action_id, created_at);

CREATE TABLE document_contents (
  document_id BIGINT PRIMARY KEY REFERENCES action_documents (id) ON DELETE CASCADE,
  content {{blob}} NOT NULL
);
