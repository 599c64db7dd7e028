-- Ordered pairs of a person's name skeletons ("mhmd dl" and "dl mhmd") with the person's sort
-- name, so that a search of two words or more is answered from this index alone: count, order
-- and page, then only the page's people are read (src/core/names.hpp, search_index).
-- Only people not merged into another are in the search index, tokens or pairs (a merge removes
-- them, an unmerge puts them back), so counts come from the index alone. Filled here from the
-- skeletons already indexed; the application keeps it up to date.
CREATE TABLE person_name_pairs (
  pair TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people (id),
  PRIMARY KEY (pair, sort_name, person_id)
);
INSERT INTO person_name_pairs (pair, sort_name, person_id)
SELECT a.token || ' ' || b.token, p.sort_name, a.person_id
FROM person_name_tokens a
JOIN person_name_tokens b ON b.person_id = a.person_id AND b.token <> a.token
JOIN people p ON p.id = a.person_id
WHERE p.merged_into_id IS NULL;
CREATE INDEX person_name_pairs_by_person ON person_name_pairs (person_id);
DELETE FROM person_name_tokens WHERE person_id IN (SELECT id FROM people WHERE merged_into_id IS NOT NULL);
