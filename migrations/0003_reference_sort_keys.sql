-- Names sort by their search key in each language (accents and Arabic diacritics folded), so
-- "Égypte" sorts among the E and not after "Zimbabwe" as a byte order would put it; the same on
-- both databases, whatever their collation. Filled by `reference load`, which every command runs.
ALTER TABLE countries ADD COLUMN sort_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE countries ADD COLUMN sort_en TEXT NOT NULL DEFAULT '';
ALTER TABLE countries ADD COLUMN sort_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE currencies ADD COLUMN sort_fr TEXT NOT NULL DEFAULT '';
ALTER TABLE currencies ADD COLUMN sort_en TEXT NOT NULL DEFAULT '';
ALTER TABLE currencies ADD COLUMN sort_ar TEXT NOT NULL DEFAULT '';
