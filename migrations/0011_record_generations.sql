-- A counter per kind of record, raised in the transaction of every change to that kind
-- (src/domain/changes.hpp): rendered list pages are kept while it is unchanged.
CREATE TABLE record_generations (
  kind TEXT PRIMARY KEY,
  generation BIGINT NOT NULL
);
INSERT INTO record_generations (kind, generation) VALUES ('organisation', 0);
