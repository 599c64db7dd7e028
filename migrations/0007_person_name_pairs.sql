-- Ordered pairs of a person's name skeletons ("mhmd dl" and "dl mhmd"), so that a search of
-- two words or more reads only the people who carry both (src/core/names.hpp, search_index).
-- Filled here from the skeletons already indexed; the application keeps it beside
-- person_name_tokens from now on.
CREATE TABLE person_name_pairs (
  pair TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people (id),
  PRIMARY KEY (pair, person_id)
);
INSERT INTO person_name_pairs (pair, person_id)
SELECT a.token || ' ' || b.token, a.person_id
FROM person_name_tokens a JOIN person_name_tokens b ON b.person_id = a.person_id AND b.token <> a.token;
CREATE INDEX person_name_pairs_by_person ON person_name_pairs (person_id);
